// Test-harness runtime for C++ submissions: a small JSON reader/writer for the
// argument and return types a problem's signature may name, and the loop that
// runs the tests. cpp.py pastes this file, the candidate's code and a generated
// call function into one translation unit.
//
// stdin: line 1 {"start": N, "output_limit": BYTES, ...}, then one test per line
// ({"args": [...]} or {"script": true}); events go to the fd in PP_RESULTS_FD.
#include <bits/stdc++.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pp_rt {

struct Json {
    enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
    bool boolean = false;
    std::string text;                 // number text or string value
    std::vector<Json> items;          // array items, or object values
    std::vector<std::string> keys;    // object keys (same order as items)

    const Json* field(const std::string& name) const {
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == name) return &items[i];
        return nullptr;
    }
};

struct BadInput : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct AssertionFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Parser {
public:
    Parser(const char* begin, const char* end) : p_(begin), end_(end) {}

    Json value() {
        skip();
        if (p_ >= end_) throw BadInput("unexpected end of JSON");
        Json j;
        char c = *p_;
        if (c == '{') {
            j.kind = Json::Object;
            ++p_;
            skip();
            if (peek('}')) { ++p_; return j; }
            for (;;) {
                skip();
                Json key = value();
                if (key.kind != Json::String) throw BadInput("object key is not a string");
                skip();
                expect(':');
                j.keys.push_back(key.text);
                j.items.push_back(value());
                skip();
                if (peek(',')) { ++p_; continue; }
                expect('}');
                return j;
            }
        }
        if (c == '[') {
            j.kind = Json::Array;
            ++p_;
            skip();
            if (peek(']')) { ++p_; return j; }
            for (;;) {
                j.items.push_back(value());
                skip();
                if (peek(',')) { ++p_; continue; }
                expect(']');
                return j;
            }
        }
        if (c == '"') { j.kind = Json::String; j.text = string(); return j; }
        if (literal("true")) { j.kind = Json::Bool; j.boolean = true; return j; }
        if (literal("false")) { j.kind = Json::Bool; return j; }
        if (literal("null")) return j;
        const char* start = p_;
        while (p_ < end_ && (isdigit((unsigned char)*p_) || strchr("+-.eE", *p_) || isalpha((unsigned char)*p_))) ++p_;
        if (p_ == start) throw BadInput("unexpected character in JSON");
        j.kind = Json::Number;
        j.text.assign(start, p_);
        return j;
    }

private:
    const char* p_;
    const char* end_;

    void skip() { while (p_ < end_ && isspace((unsigned char)*p_)) ++p_; }
    bool peek(char c) const { return p_ < end_ && *p_ == c; }
    void expect(char c) {
        if (!peek(c)) throw BadInput(std::string("expected '") + c + "' in JSON");
        ++p_;
    }
    bool literal(const char* word) {
        size_t n = strlen(word);
        if ((size_t)(end_ - p_) >= n && strncmp(p_, word, n) == 0) { p_ += n; return true; }
        return false;
    }
    static void utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) out += (char)cp;
        else if (cp < 0x800) { out += (char)(0xC0 | (cp >> 6)); out += (char)(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) {
            out += (char)(0xE0 | (cp >> 12)); out += (char)(0x80 | ((cp >> 6) & 0x3F));
            out += (char)(0x80 | (cp & 0x3F));
        } else {
            out += (char)(0xF0 | (cp >> 18)); out += (char)(0x80 | ((cp >> 12) & 0x3F));
            out += (char)(0x80 | ((cp >> 6) & 0x3F)); out += (char)(0x80 | (cp & 0x3F));
        }
    }
    unsigned hex4() {
        if (end_ - p_ < 4) throw BadInput("bad \\u escape");
        unsigned v = (unsigned)std::stoul(std::string(p_, p_ + 4), nullptr, 16);
        p_ += 4;
        return v;
    }
    std::string string() {
        std::string out;
        ++p_;  // opening quote
        while (p_ < end_ && *p_ != '"') {
            char c = *p_++;
            if (c != '\\') { out += c; continue; }
            if (p_ >= end_) break;
            char e = *p_++;
            switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
                        p_ += 2;
                        unsigned low = hex4();
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    utf8(out, cp);
                    break;
                }
                default: out += e;  // " \ /
            }
        }
        expect('"');
        return out;
    }
};

// --- JSON -> C++ values -------------------------------------------------------
template <class T> struct From;

inline const Json& need(const Json& j, Json::Kind kind, const char* what) {
    if (j.kind != kind) throw BadInput(std::string("test input is not ") + what);
    return j;
}

template <> struct From<long long> {
    static long long get(const Json& j) {
        need(j, Json::Number, "a number");
        if (j.text.find_first_of(".eE") != std::string::npos) return (long long)std::stod(j.text);
        return std::stoll(j.text);
    }
};
template <> struct From<int> {
    static int get(const Json& j) { return (int)From<long long>::get(j); }
};
template <> struct From<double> {
    static double get(const Json& j) { return std::stod(need(j, Json::Number, "a number").text); }
};
template <> struct From<bool> {
    static bool get(const Json& j) { return need(j, Json::Bool, "true/false").boolean; }
};
template <> struct From<std::string> {
    static std::string get(const Json& j) { return need(j, Json::String, "a string").text; }
};
template <class T> struct From<std::vector<T>> {
    static std::vector<T> get(const Json& j) {
        need(j, Json::Array, "a list");
        std::vector<T> out;
        out.reserve(j.items.size());
        for (const Json& item : j.items) out.push_back(From<T>::get(item));
        return out;
    }
};

// --- C++ values -> JSON -------------------------------------------------------
inline void put_string(std::string& o, const std::string& s) {
    o += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') { o += '\\'; o += (char)c; }
        else if (c == '\n') o += "\\n";
        else if (c == '\t') o += "\\t";
        else if (c == '\r') o += "\\r";
        else if (c < 0x20) { char buf[8]; snprintf(buf, sizeof buf, "\\u%04x", c); o += buf; }
        else o += (char)c;
    }
    o += '"';
}
inline void put(std::string& o, int v) { o += std::to_string(v); }
inline void put(std::string& o, long long v) { o += std::to_string(v); }
inline void put(std::string& o, bool v) { o += v ? "true" : "false"; }
inline void put(std::string& o, double v) {
    if (std::isnan(v)) { o += "NaN"; return; }
    if (std::isinf(v)) { o += v > 0 ? "Infinity" : "-Infinity"; return; }
    char buf[32];
    snprintf(buf, sizeof buf, "%.17g", v);
    o += buf;
    if (!strpbrk(buf, ".eE")) o += ".0";
}
inline void put(std::string& o, const std::string& v) { put_string(o, v); }
template <class T> void put(std::string& o, const std::vector<T>& v) {
    o += '[';
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) o += ',';
        put(o, (T)v[i]);
    }
    o += ']';
}

// --- the test loop ----------------------------------------------------------------
static int results_fd = -1;

inline void emit(const std::string& line) {
    std::string data = line + "\n";
    size_t off = 0;
    while (off < data.size()) {
        ssize_t n = write(results_fd, data.data() + off, data.size() - off);
        if (n < 0) { if (errno == EINTR || errno == EAGAIN) continue; return; }
        off += (size_t)n;
    }
}

inline long peak_kb() {
    FILE* f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) { kb = atol(line + 6); break; }
    fclose(f);
    return kb;
}

inline void reset_peak() {
    int fd = open("/proc/self/clear_refs", O_WRONLY);
    if (fd >= 0) { ssize_t ignored = write(fd, "5", 1); (void)ignored; close(fd); }
}

// call(args, &ms) converts the arguments, times the call, returns the JSON answer.
using CallFn = std::string (*)(const Json&, double&);
using CheckFn = void (*)(double&);

inline int main_loop(CallFn call, CheckFn check) {
    const char* fd_text = getenv("PP_RESULTS_FD");
    results_fd = fd_text ? atoi(fd_text) : 3;
    std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::vector<std::pair<size_t, size_t>> lines;  // (offset, length), blank lines dropped
    for (size_t pos = 0; pos < input.size();) {
        size_t nl = input.find('\n', pos);
        if (nl == std::string::npos) nl = input.size();
        if (nl > pos) lines.push_back({pos, nl - pos});
        pos = nl + 1;
    }
    if (lines.empty()) return 2;
    Json header = Parser(input.data() + lines[0].first, input.data() + lines[0].first + lines[0].second).value();
    long start = std::stol(header.field("start")->text);
    long long limit = std::stoll(header.field("output_limit")->text);
    emit("{\"ev\": \"ready\", \"stdout\": \"\"}");

    int saved_out = dup(1), saved_err = dup(2);
    for (size_t i = (size_t)start + 1; i < lines.size(); ++i) {
        long index = (long)i - 1;
        emit("{\"ev\": \"start\", \"i\": " + std::to_string(index) + "}");
        const char* b = input.data() + lines[i].first;
        Json test = Parser(b, b + lines[i].second).value();
        int cap = open("capture.out", O_RDWR | O_CREAT | O_TRUNC, 0600);
        std::cout.flush();
        fflush(stdout);
        if (cap >= 0) { dup2(cap, 1); dup2(cap, 2); }
        std::string status = "ok", value, error;
        double ms = 0;
        reset_peak();
        try {
            if (test.field("script")) check(ms);
            else value = call(*test.field("args"), ms);
        } catch (const AssertionFailed& e) {
            status = "assert";
        } catch (const std::bad_alloc&) {
            status = "memory";
        } catch (const BadInput& e) {
            status = "error";
            error = std::string("The test input does not fit the signature: ") + e.what();
        } catch (const std::exception& e) {
            status = "error";
            error = std::string("Uncaught exception: ") + e.what();
        } catch (...) {
            status = "error";
            error = "Uncaught exception (not derived from std::exception)";
        }
        std::cout.flush();
        std::cout.clear();  // a failed write (file size limit) sets badbit
        fflush(stdout);
        fflush(stderr);
        dup2(saved_out, 1);
        dup2(saved_err, 2);
        std::string shown;
        if (cap >= 0) {
            struct stat st;
            if (fstat(cap, &st) == 0 && st.st_size > limit) status = "output";
            shown.resize(std::min<long long>(st.st_size, 64 * 1024));
            ssize_t got = pread(cap, &shown[0], shown.size(), 0);
            shown.resize(got > 0 ? (size_t)got : 0);
            close(cap);
        }
        std::string line = "{\"ev\": \"done\", \"i\": " + std::to_string(index) + ", \"status\": \"" + status +
                           "\", \"time_ms\": ";
        char buf[32];
        snprintf(buf, sizeof buf, "%.3f", ms);
        line += buf;
        line += ", \"mem_kb\": " + std::to_string(peak_kb()) + ", \"stdout\": ";
        put_string(line, shown);
        if (!error.empty()) { line += ", \"error\": "; put_string(line, error); }
        if (status == "ok" && !test.field("script")) line += ", \"value\": " + value;
        line += "}";
        emit(line);
    }
    emit("{\"ev\": \"end\"}");
    return 0;
}

}  // namespace pp_rt
