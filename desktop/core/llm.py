"""The interviewer's words from a local GGUF model through llama.cpp.

Two prompting styles, chosen from the model file itself:

* "chat" — the GGUF carries `tokenizer.chat_template` (instruct models:
  Llama 3, Qwen 2.5, Phi, Gemma-it). Turns become chat messages and the
  model's own template formats them.
* "completion" — no template: a base model such as the default Gemma 3 270M.
  Chat formatting gives junk there, while a transcript ("Interviewer: ...
  Candidate: ... Interviewer:") that the model simply continues gives usable
  questions. (llama-cpp-python would silently fall back to a Llama-2 chat
  format for such a model, which is why the style is decided here.)

Every result is a `Generation` that records what is needed to reproduce and
audit it (model, sha256 of the exact prompt, seed, temperature) and says
whether the output is usable (`valid`), so the interview engine can fall back
to a curated question when a small model produces nonsense. Prompt wording
lives in resources/prompts/ (see prompts.py).
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import random
import re
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from . import model_store, prompts

INTERVIEWER, CANDIDATE = "interviewer", "candidate"
_ROLE_ALIASES = {"interviewer": INTERVIEWER, "assistant": INTERVIEWER,
                 "candidate": CANDIDATE, "user": CANDIDATE}
_LABEL = {INTERVIEWER: "Interviewer", CANDIDATE: "Candidate"}
_SPECIAL = re.compile(r"<(?:/?s|eos|bos|pad|unk|start_of_turn|end_of_turn|\|[a-z_]+\|)>\s*(?:model|user)?",
                      re.I)
_ROLE_LINE = re.compile(r"^\s*(?:interviewer|candidate|user|assistant|model)\s*:", re.I)

OnToken = Callable[[str], None]
Cancel = Callable[[], bool]  # or a threading.Event


@dataclass
class Turn:
    role: str  # "interviewer" or "candidate"
    text: str


@dataclass
class Generation:
    text: str  # cleaned output: what to show and commit
    model_id: str
    prompt_hash: str  # sha256 of the exact prompt string (completion) or messages JSON (chat)
    seed: int
    temperature: float
    tokens: int = 0  # tokens generated
    first_token_s: float | None = None  # from the call to the first streamed token
    total_s: float = 0.0
    valid: bool = True
    problem: str = ""  # why valid is False
    prompt_style: str = "completion"
    finish_reason: str = "stop"  # "stop", "length" or "cancelled"
    raw_text: str = ""
    prompt: str = field(default="", repr=False)  # exact prompt / messages JSON

    def as_dict(self) -> dict:
        return asdict(self)



def detect_prompt_style(metadata: dict | None) -> str:
    """"chat" when the GGUF metadata has a non-empty chat template."""
    template = (metadata or {}).get("tokenizer.chat_template") or ""
    return "chat" if str(template).strip() else "completion"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _is_cancelled(cancel) -> bool:
    if cancel is None:
        return False
    is_set = getattr(cancel, "is_set", None)
    return bool(is_set() if is_set else cancel())


def as_turns(items: Iterable[Any]) -> list[Turn]:
    """Turns from Turn objects, {"role", "text"|"content"} dicts or (role, text)
    pairs; "assistant"/"user" are accepted as interviewer/candidate."""
    out = []
    for item in items:
        if isinstance(item, Turn):
            role, text = item.role, item.text
        elif isinstance(item, dict):
            role, text = item.get("role", ""), item.get("text", item.get("content", ""))
        else:
            role, text = item
        role = _ROLE_ALIASES.get(str(role).lower())
        if role is None:
            raise ValueError(f"Unknown speaker role in {item!r}")
        out.append(Turn(role, " ".join(str(text).split())))
    return out


# --- cleaning and checking ---------------------------------------------------------

def clean_reply(raw: str, *, truncated: bool = False) -> str:
    """The interviewer's line from raw model output: special tokens and speaker
    labels off, cut where the model starts writing the next speaker's line,
    and a sentence cut off by max_tokens dropped when a whole one remains."""
    text = _SPECIAL.sub(" ", raw)
    lines = []
    for i, line in enumerate(text.splitlines()):
        if i and _ROLE_LINE.match(line):
            break
        lines.append(line)
    text = " ".join(" ".join(lines).split())
    text = re.sub(r"^(?:interviewer|assistant|model)\s*:\s*", "", text, flags=re.I)
    text = re.split(r"\s(?:candidate|interviewer)\s*:", text, flags=re.I)[0].strip()
    if truncated:
        ends = [m.end() for m in re.finditer(r"[.?!](?=\s|$)", text)]
        if ends and len(text[:ends[-1]].split()) >= 3:
            text = text[:ends[-1]]
    return text.strip(" \"'")


def reply_problem(text: str, earlier: Sequence[str] = ()) -> str:
    """Why a reply is unusable ("" when it is fine): empty, not words,
    a repetition loop, or a parrot of an earlier line."""
    words = text.split()
    if not words:
        return "empty output"
    if len(words) < 2:
        return "too short to be a question or remark"
    letters = sum(c.isalpha() for c in text)
    if letters < 0.6 * len(text.replace(" ", "")):
        return "mostly not words"
    grams = [" ".join(words[i:i + 4]).lower() for i in range(len(words) - 3)]
    if grams and max(grams.count(g) for g in set(grams)) >= 3:
        return "repeats itself"
    key = re.sub(r"\W+", " ", text.lower()).strip()
    for line in earlier:
        if key and key == re.sub(r"\W+", " ", line.lower()).strip():
            return "repeats an earlier line"
    return ""


# --- a small JSON-schema validator (the subset our schemas use) ---------------------

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _type_ok(value, kind: str) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES.get(kind, object))


def validate(value, schema: dict, where: str = "$") -> list[str]:
    """Errors (empty list = valid) for: type, enum, const, required,
    properties, additionalProperties: false, items, min/maxItems,
    min/maxLength, minimum/maximum (and exclusive ones)."""
    errors: list[str] = []
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        if not any(_type_ok(value, k) for k in kinds):
            return [f"{where}: expected {' or '.join(kinds)}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: must be {schema['const']!r}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{where}: missing {name!r}")
        for name, sub in props.items():
            if name in value:
                errors += validate(value[name], sub, f"{where}.{name}")
        if schema.get("additionalProperties") is False:
            errors += [f"{where}: unexpected {k!r}" for k in value if k not in props]
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{where}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{where}: more than {schema['maxItems']} items")
        if isinstance(schema.get("items"), dict):
            for i, item in enumerate(value):
                errors += validate(item, schema["items"], f"{where}[{i}]")
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            errors.append(f"{where}: shorter than {schema['minLength']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{where}: longer than {schema['maxLength']}")
    if _type_ok(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: {value} < minimum {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: {value} > maximum {schema['maximum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            errors.append(f"{where}: {value} <= {schema['exclusiveMinimum']}")
        if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
            errors.append(f"{where}: {value} >= {schema['exclusiveMaximum']}")
    return errors


# --- grammar-constrained sampling, fast on big vocabularies --------------------------

_BOUNDS = {"maxItems", "minItems"}


def _grammar_schema(schema):
    """The schema without item-count bounds, for building the grammar: an
    array with maxItems becomes nested optional rules that make every
    sampling step 3-5x slower. The grammar keeps the shape (keys, types,
    enums, string lengths) and validate() checks the counts."""
    if isinstance(schema, dict):
        return {k: _grammar_schema(v) for k, v in schema.items() if k not in _BOUNDS}
    if isinstance(schema, list):
        return [_grammar_schema(v) for v in schema]
    return schema


class TopKGrammar:
    """A llama.cpp logits processor that applies a GBNF grammar to the most
    likely tokens only. llama.cpp's own grammar sampler checks every token of
    the vocabulary at every step: with Gemma's 262k tokens that is ~75 ms per
    token on this CPU, six times the cost of the token itself. Checking the
    top few hundred (plus the one-character tokens and end-of-text, which
    spell out forced JSON keys and closings) first, and the rest only when
    none of them fits, gives the same constrained output for a fraction of
    the time."""

    TOP_K = 256

    def __init__(self, llama, gbnf: str, structural: np.ndarray | None = None, root: str = "root"):
        import llama_cpp
        self._c = llama_cpp
        self._structural = structural_tokens(llama) if structural is None else structural
        self._sampler = llama_cpp.llama_sampler_init_grammar(
            llama._model.vocab, gbnf.encode("utf-8"), root.encode("utf-8"))
        if not self._sampler:
            raise ValueError("llama.cpp rejected the grammar")
        self._n_prompt: int | None = None
        self._accepted = 0
        self.full_scans = 0

    def _allowed(self, ids: np.ndarray, scores: np.ndarray) -> np.ndarray:
        c = self._c
        data = (c.llama_token_data * ids.size)()
        view = np.ctypeslib.as_array(data)
        view["id"], view["logit"], view["p"] = ids, scores[ids], 0.0
        cur = c.llama_token_data_array(data=data, size=ids.size, selected=-1, sorted=False)
        c.llama_sampler_apply(self._sampler, ctypes.byref(cur))
        return ids[np.isfinite(view["logit"])]

    def __call__(self, input_ids, scores: np.ndarray) -> np.ndarray:
        if self._n_prompt is None:
            self._n_prompt = len(input_ids)  # first call: everything so far is prompt
        for token in input_ids[self._n_prompt + self._accepted:]:
            self._c.llama_sampler_accept(self._sampler, int(token))  # the token just sampled
            self._accepted += 1
        top = np.argpartition(scores, -self.TOP_K)[-self.TOP_K:].astype(np.int32)
        allowed = self._allowed(np.union1d(top, self._structural), scores)
        if not allowed.size:
            self.full_scans += 1
            allowed = self._allowed(np.arange(scores.size, dtype=np.int32), scores)
        out = np.full_like(scores, -np.inf)
        out[allowed] = scores[allowed]
        return out

    def close(self) -> None:
        if self._sampler:
            self._c.llama_sampler_free(self._sampler)
            self._sampler = None


def structural_tokens(llama) -> np.ndarray:
    """Token ids of single printable ASCII characters, and end-of-text."""
    ids = {llama.token_eos()}
    for ch in map(chr, range(32, 127)):
        toks = llama.tokenize(ch.encode(), add_bos=False, special=False)
        if len(toks) == 1:
            ids.add(toks[0])
    return np.array(sorted(i for i in ids if i >= 0), dtype=np.int32)


# --- the model ---------------------------------------------------------------------

_LOG_SINK = None  # keeps the C callback alive for the life of the process


def _silence_llama_logs() -> None:
    """llama.cpp prints notes to stderr even with verbose=False (e.g. about its
    KV cache), which garbles the terminal interview; route them nowhere."""
    global _LOG_SINK
    if _LOG_SINK is None:
        import ctypes

        import llama_cpp

        @llama_cpp.llama_log_callback
        def _sink(level, text, user_data):  # noqa: ARG001 - the C signature
            return None

        _LOG_SINK = _sink
        llama_cpp.llama_log_set(_LOG_SINK, ctypes.c_void_p(0))


class LanguageModel:
    """One GGUF model, loaded on first use (or by load()). Calls are serialised
    by a lock: llama.cpp contexts are not thread-safe.

    Latency: llama.cpp keeps the evaluated prompt in its KV cache and reuses
    the longest common prefix, so a transcript prompt that only grows at the
    end costs just its new tokens. Keep the context (system) text stable
    within an interview, and call prefill() with the partial answer while the
    candidate is still talking."""

    def __init__(self, model: str = model_store.DEFAULT_LLM, *, n_ctx: int = 2048,
                 n_threads: int = 2, seed: int = 0, prompt_style: str | None = None,
                 chat_format: str | None = None):
        self.model_name = model
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.seed = seed
        self.model_id = ""
        self.load_seconds = 0.0
        self._style_override = prompt_style
        self._chat_format = chat_format
        self._llm = None
        self._lock = threading.RLock()
        self._grammars: dict[str, str] = {}  # schema JSON -> GBNF
        self._structural: np.ndarray | None = None

    # --- loading -------------------------------------------------------------------

    def load(self) -> "LanguageModel":
        with self._lock:
            if self._llm is None:
                model_id, path = model_store.resolve(self.model_name, "llm")
                from llama_cpp import Llama
                _silence_llama_logs()
                t0 = time.perf_counter()
                try:
                    self._llm = Llama(model_path=str(path), n_ctx=self.n_ctx,
                                      n_threads=self.n_threads, n_threads_batch=self.n_threads,
                                      seed=self.seed, chat_format=self._chat_format, verbose=False)
                except (ValueError, RuntimeError, OSError) as exc:
                    raise model_store.ModelProblem(
                        f"The language model {path} could not be loaded ({exc}). It may be "
                        "damaged or made for a newer llama.cpp; choose another GGUF file or "
                        "reinstall the default with `perfect-pitch models install`.") from None
                self.load_seconds = time.perf_counter() - t0
                self.model_id = model_id
        return self

    @property
    def llama(self):
        """The underlying llama_cpp.Llama (benchmarks compare against it)."""
        return self.load()._llm

    @property
    def metadata(self) -> dict:
        return dict(self.llama.metadata or {})

    @property
    def prompt_style(self) -> str:
        return self._style_override or detect_prompt_style(self.metadata)

    # --- prompts -------------------------------------------------------------------

    def _n_tokens(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=True, special=True))

    def _fit(self, turns: list[Turn], render: Callable[[list[Turn]], str], max_tokens: int) -> list[Turn]:
        """Drop the oldest turns, four at a time, until the prompt fits the
        context. Dropping in steps keeps the kept prefix identical from one
        call to the next, so the KV cache stays useful."""
        budget = self.n_ctx - max_tokens - 8
        start = 0
        while start < len(turns) - 1 and self._n_tokens(render(turns[start:])) > budget:
            start = min(start + 4, len(turns) - 1)
        kept = turns[start:]
        if self._n_tokens(render(kept)) > budget:  # one enormous turn: keep its end
            last = kept[-1]
            words = last.text.split()
            while len(words) > 20 and self._n_tokens(render(kept[:-1] + [Turn(last.role, " ".join(words))])) > budget:
                words = words[len(words) // 4:]
            kept = kept[:-1] + [Turn(last.role, " ".join(words))]
        return kept

    @staticmethod
    def transcript(turns: Sequence[Turn]) -> str:
        return "\n".join(f"{_LABEL[t.role]}: {t.text}" for t in turns)

    def _completion_prompt(self, turns: list[Turn], system: str) -> str:
        return prompts.render("followup_completion", context=system.strip(),
                              transcript=self.transcript(turns))

    def _chat_messages(self, turns: list[Turn], system: str, fold_system: bool = False) -> list[dict]:
        """Chat messages that every common template accepts: a user message
        first, roles alternating, the system text optionally folded into the
        first user message (some templates reject a system role)."""
        sys_text = prompts.render("followup_chat", context=system.strip())
        messages: list[dict] = []
        for t in turns:
            role = "assistant" if t.role == INTERVIEWER else "user"
            if messages and messages[-1]["role"] == role:
                messages[-1]["content"] += "\n" + t.text
            else:
                messages.append({"role": role, "content": t.text})
        if not messages or messages[0]["role"] != "user":
            messages.insert(0, {"role": "user", "content": "(The candidate joins the interview.)"})
        if fold_system:
            messages[0] = {"role": "user", "content": sys_text + "\n\n" + messages[0]["content"]}
            return messages
        return [{"role": "system", "content": sys_text}] + messages

    def prompt_for(self, turns: Iterable[Any], system: str = "", max_tokens: int = 80) -> str:
        """The exact prompt generate() would send (messages JSON for chat
        models): for logs, debugging and benchmarks."""
        turns = as_turns(turns)
        if self.prompt_style == "chat":
            turns = self._fit(turns, lambda ts: json.dumps(self._chat_messages(ts, system)), max_tokens)
            return json.dumps(self._chat_messages(turns, system), ensure_ascii=False, sort_keys=True)
        turns = self._fit(turns, lambda ts: self._completion_prompt(ts, system), max_tokens)
        return self._completion_prompt(turns, system)

    # --- generation ----------------------------------------------------------------

    def generate(self, turns: Iterable[Any], system: str = "", *, max_tokens: int = 80,
                 temperature: float = 0.7, seed: int | None = None,
                 stop: Sequence[str] | None = None, on_token: OnToken | None = None,
                 cancel: Cancel | None = None) -> Generation:
        """The interviewer's next line after `turns`. `system` is the interview
        context (role, skills, current question), put in the prompt template.
        Tokens stream through on_token(piece) as they are made (for display;
        commit Generation.text, which is cleaned). `cancel()` or an Event
        stops early (finish_reason "cancelled")."""
        self.load()  # load time is in load_seconds, not in the latency figures
        t0 = time.perf_counter()
        turns = as_turns(turns)
        earlier = [t.text for t in turns]
        with self._lock:
            self.load()
            if self.prompt_style == "chat":
                turns = self._fit(turns, lambda ts: json.dumps(self._chat_messages(ts, system)), max_tokens)
                gen = self._run_chat(self._chat_messages(turns, system), max_tokens=max_tokens,
                                     temperature=temperature, seed=seed, stop=stop,
                                     on_token=on_token, cancel=cancel, t0=t0)
            else:
                turns = self._fit(turns, lambda ts: self._completion_prompt(ts, system), max_tokens)
                stops = list(stop) if stop else ["\n", "Candidate:", "Interviewer:"]
                gen = self._run_completion(self._completion_prompt(turns, system),
                                           max_tokens=max_tokens, temperature=temperature,
                                           seed=seed, stop=stops, on_token=on_token, cancel=cancel,
                                           t0=t0)
        return self._finish_text(gen, earlier)

    def complete(self, prompt: str, *, max_tokens: int = 80, temperature: float = 0.7,
                 seed: int | None = None, stop: Sequence[str] | None = ("\n",),
                 on_token: OnToken | None = None, cancel: Cancel | None = None) -> Generation:
        """A rendered prompt (e.g. prompts.render("hint", ...)) continued as is
        by a base model, or sent as one user message to a chat model."""
        self.load()
        t0 = time.perf_counter()
        with self._lock:
            if self.prompt_style == "chat":
                gen = self._run_chat([{"role": "user", "content": prompt}], max_tokens=max_tokens,
                                     temperature=temperature, seed=seed, stop=None,
                                     on_token=on_token, cancel=cancel, t0=t0)
            else:
                gen = self._run_completion(prompt, max_tokens=max_tokens, temperature=temperature,
                                           seed=seed, stop=list(stop or []), on_token=on_token,
                                           cancel=cancel, t0=t0)
        return self._finish_text(gen, [])

    def generate_json(self, prompt_or_turns: str | Iterable[Any], schema: dict, *, system: str = "",
                      max_tokens: int = 256, temperature: float = 0.2, seed: int | None = None,
                      on_token: OnToken | None = None,
                      cancel: Cancel | None = None) -> tuple[Any | None, Generation]:
        """Structured output: llama.cpp's grammar built from `schema` keeps the
        model to JSON of that shape; the result is parsed and validated (the
        grammar does not enforce every rule, e.g. numeric ranges). Returns
        (data, generation), or (None, generation) with valid=False and the
        reason in generation.problem, so the caller can use its
        deterministic fallback."""
        self.load()
        t0 = time.perf_counter()
        with self._lock:
            if self._structural is None:
                self._structural = structural_tokens(self._llm)
            grammar = TopKGrammar(self._llm, self._gbnf(schema), self._structural)
            chat = self.prompt_style == "chat"
            if isinstance(prompt_or_turns, str):
                prefix = system.strip() + "\n\n" if system.strip() else ""
                if chat:
                    messages = [{"role": "user", "content": prefix + prompt_or_turns}]
                else:
                    prompt = prefix + prompt_or_turns
            else:
                turns = as_turns(prompt_or_turns)
                if chat:
                    messages = self._chat_messages(turns, system)
                else:
                    prompt = (system.strip() + "\n\n" if system.strip() else "") + \
                        self.transcript(turns) + "\nJSON:"
            args = dict(max_tokens=max_tokens, temperature=temperature, seed=seed, stop=None,
                        on_token=on_token, cancel=cancel, grammar=grammar, t0=t0)
            try:
                gen = self._run_chat(messages, **args) if chat else self._run_completion(prompt, **args)
            finally:
                grammar.close()
        gen.text = gen.raw_text.strip()
        if gen.finish_reason == "cancelled":
            gen.valid, gen.problem = False, "cancelled"
            return None, gen
        try:
            data = json.loads(gen.text, strict=False)  # the grammar allows raw newlines in strings
        except ValueError as exc:
            cut = " (cut off at max_tokens)" if gen.finish_reason == "length" else ""
            gen.valid, gen.problem = False, f"not valid JSON{cut}: {exc}"
            return None, gen
        errors = validate(data, schema)
        if errors:
            gen.valid, gen.problem = False, "; ".join(errors[:5])
            return None, gen
        return data, gen

    def prefill(self, turns: Iterable[Any], system: str = "") -> None:
        """Evaluate the prompt for `turns` now (e.g. with the partial answer
        while the candidate is still speaking) so that the later generate()
        only has to process the last few tokens."""
        self.generate(turns, system, max_tokens=1, temperature=0.0, seed=0)

    # --- internals -----------------------------------------------------------------

    def _gbnf(self, schema: dict) -> str:
        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            from llama_cpp.llama_grammar import json_schema_to_gbnf
            self._grammars[key] = json_schema_to_gbnf(json.dumps(_grammar_schema(schema)))
        return self._grammars[key]

    def _new_generation(self, prompt_text: str, seed: int | None, temperature: float) -> Generation:
        return Generation(text="", model_id=self.model_id, prompt_hash=sha256_text(prompt_text),
                          seed=seed, temperature=float(temperature),
                          prompt_style=self.prompt_style, prompt=prompt_text)

    def _run_completion(self, prompt: str, *, max_tokens, temperature, seed, stop, on_token,
                        cancel, t0, grammar=None) -> Generation:
        seed = random.randrange(2**31) if seed is None else int(seed)
        gen = self._new_generation(prompt, seed, temperature)
        stream = self._llm.create_completion(
            prompt, max_tokens=max_tokens, temperature=temperature, top_p=0.9, top_k=40,
            repeat_penalty=1.1, seed=seed, stop=stop or [], stream=True,
            logits_processor=_processors(grammar))
        return self._consume(stream, gen, lambda c: c["choices"][0].get("text", ""),
                             on_token, cancel, t0)

    def _run_chat(self, messages: list[dict], *, max_tokens, temperature, seed, stop, on_token,
                  cancel, t0, grammar=None) -> Generation:
        seed = random.randrange(2**31) if seed is None else int(seed)
        args = dict(max_tokens=max_tokens, temperature=temperature, top_p=0.9, top_k=40,
                    repeat_penalty=1.1, seed=seed, stop=list(stop or []), stream=True,
                    logits_processor=_processors(grammar))
        try:
            stream = self._llm.create_chat_completion(messages=messages, **args)
            first = next(stream, None)  # the template is applied here: fail early
        except Exception:
            if messages[0]["role"] != "system":
                raise
            # Some templates (Gemma, Mistral) reject a system role: fold it in.
            messages = [{"role": "user", "content": messages[0]["content"] + "\n\n" +
                         messages[1]["content"]}] + messages[2:]
            stream = self._llm.create_chat_completion(messages=messages, **args)
            first = next(stream, None)
        gen = self._new_generation(json.dumps(messages, ensure_ascii=False, sort_keys=True),
                                   seed, temperature)

        def chained():
            if first is not None:
                yield first
            yield from stream

        return self._consume(chained(), gen,
                             lambda c: c["choices"][0].get("delta", {}).get("content") or "",
                             on_token, cancel, t0)

    @staticmethod
    def _consume(stream, gen: Generation, piece_of, on_token, cancel, t0: float) -> Generation:
        """Pull the stream, timing the first token (from t0, when the caller
        handed us the text) and forwarding pieces."""
        parts: list[str] = []
        gen.finish_reason = "length"
        started = False
        try:
            for chunk in stream:
                piece = piece_of(chunk)
                reason = chunk["choices"][0].get("finish_reason")
                if piece:
                    gen.tokens += 1
                    if gen.first_token_s is None:
                        gen.first_token_s = time.perf_counter() - t0
                    parts.append(piece)
                    shown = piece if started else piece.lstrip()
                    if on_token and shown:
                        on_token(shown)
                    started = started or bool(shown)
                if reason:
                    gen.finish_reason = reason
                if _is_cancelled(cancel):
                    gen.finish_reason = "cancelled"
                    break
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
        gen.raw_text = "".join(parts)
        gen.total_s = time.perf_counter() - t0
        return gen

    @staticmethod
    def _finish_text(gen: Generation, earlier: Sequence[str]) -> Generation:
        gen.text = clean_reply(gen.raw_text, truncated=gen.finish_reason == "length")
        gen.problem = "cancelled" if gen.finish_reason == "cancelled" else reply_problem(gen.text, earlier)
        gen.valid = not gen.problem
        return gen


def _processors(grammar: TopKGrammar | None):
    if grammar is None:
        return None
    from llama_cpp import LogitsProcessorList
    return LogitsProcessorList([grammar])
