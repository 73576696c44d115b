// The JavaScript test harness (node), started by jail.py inside the sandbox.
// stdin: line 1 {"source", "entry_point", "start", "time_limit_s", "output_limit"},
// then one test per line ({"args": [...]} or {"script": "..."}).
// Each event is one JSON line on the results pipe (fd in PP_RESULTS_FD).
'use strict';
const fs = require('fs');
const util = require('util');
const vm = require('vm');
const assert = require('assert');

const RESULTS_FD = Number(process.env.PP_RESULTS_FD);
const CANDIDATE_FILE = 'solution.js';
const STDOUT_SHOWN = 64 * 1024;
const ERROR_LIMIT = 4000;

const lines = fs.readFileSync(0, 'utf8').split('\n');
const header = JSON.parse(lines[0]);
const timeoutMs = Math.max(1, Math.round(header.time_limit_s * 1000));

function emit(event, rawValue) {
  let line = JSON.stringify(event);
  if (rawValue !== undefined) line = line.slice(0, -1) + ',"value":' + rawValue + '}';
  const buf = Buffer.from(line + '\n');
  for (let off = 0; off < buf.length;) {
    try { off += fs.writeSync(RESULTS_FD, buf, off); } catch (e) { if (e.code !== 'EAGAIN') throw e; }
  }
}

// --- output capture: console.* and process.stdout/stderr.write -------------
class OutputLimit extends Error {}
let out = null;
function capture(text) {
  if (out === null) return;
  out.size += text.length;
  if (out.size > header.output_limit) { out.over = true; throw new OutputLimit('output limit exceeded'); }
  if (out.size - text.length < STDOUT_SHOWN) out.parts.push(text);
}
function fakeWrite(chunk, encoding, callback) {
  capture(String(chunk));
  const cb = typeof encoding === 'function' ? encoding : callback;
  if (typeof cb === 'function') cb();
  return true;
}
process.stdout.write = fakeWrite;
process.stderr.write = fakeWrite;
for (const name of ['log', 'info', 'debug', 'error', 'warn', 'trace']) {
  console[name] = (...args) => capture(util.format(...args) + '\n');
}

// --- memory -----------------------------------------------------------------
function peakKb() {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch (e) { return null; }
}
function resetPeak() {
  try { fs.writeFileSync('/proc/self/clear_refs', '5'); } catch (e) { /* not allowed here */ }
}

// --- errors -----------------------------------------------------------------
function describe(err) {
  if (!(err instanceof Error) || typeof err.stack !== 'string') {
    return { error: 'Uncaught ' + util.inspect(err).slice(0, 300), lines: [] };
  }
  const stackLines = err.stack.split('\n');
  const kept = [];
  const marks = [];
  for (const line of stackLines) {
    const m = new RegExp(CANDIDATE_FILE.replace('.', '\\.') + ':(\\d+)').exec(line);
    if (m) {
      if (!marks.includes(Number(m[1]))) marks.push(Number(m[1]));
      kept.push(line);
    } else if (!/^\s+at /.test(line) && !line.includes('harness.js') && !line.includes('node:')) {
      kept.push(line);  // the message (and for syntax errors the code and caret)
    }
  }
  let text = kept.join('\n');
  if (text.length > ERROR_LIMIT) text = text.slice(0, ERROR_LIMIT) + '…';
  return { error: text, lines: marks.slice(0, 10) };
}

function statusOf(err) {
  if (err instanceof OutputLimit || (out && out.over)) return 'output';
  if (err && err.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout';
  if (err instanceof assert.AssertionError) return 'assert';
  return 'error';
}

function guarded(script) {
  out = { parts: [], size: 0, over: false };
  let status = 'ok', value, err = null;
  try {
    value = script.runInThisContext({ timeout: timeoutMs, breakOnSigint: false });
  } catch (e) {
    status = statusOf(e); err = e;
  }
  if (out.over) status = 'output';
  const text = out.parts.join('').slice(0, STDOUT_SHOWN);
  out = null;
  return { status, value, err, text };
}

function toJson(value) {
  try {
    const text = JSON.stringify(value, (k, v) => {
      if (v instanceof Set) return [...v];
      if (v instanceof Map) return Object.fromEntries(v);
      if (typeof v === 'bigint') return Number(v);
      return v;
    });
    return text === undefined ? 'null' : text;
  } catch (e) {
    return JSON.stringify({ __unserializable__: String(e).slice(0, 300) });
  }
}

// --- load the candidate's code ---------------------------------------------------
function load() {
  globalThis.require = require;   // the sandbox, not a missing require, keeps modules harmless
  let script;
  try {
    script = new vm.Script(header.source, { filename: CANDIDATE_FILE });
  } catch (e) {
    const d = describe(e);
    const m = new RegExp(CANDIDATE_FILE.replace('.', '\\.') + ':(\\d+)').exec(e.stack || '');
    emit({ ev: 'load_error', status: 'compile', error: d.error, lines: m ? [Number(m[1])] : d.lines });
    return null;
  }
  const run = guarded(script);
  if (run.status !== 'ok') {
    const d = run.err ? describe(run.err) : { error: '', lines: [] };
    emit({ ev: 'load_error', status: run.status, error: d.error, lines: d.lines, stdout: run.text });
    return null;
  }
  let fn;
  try { fn = vm.runInThisContext(header.entry_point); } catch (e) { fn = undefined; }
  if (typeof fn !== 'function') {
    emit({ ev: 'load_error', status: 'error', lines: [], stdout: run.text,
           error: `No function named '${header.entry_point}' is defined.` });
    return null;
  }
  emit({ ev: 'ready', stdout: run.text });
  return fn;
}

function main() {
  const fn = load();
  if (fn === null) process.exit(0);
  globalThis.__pp_fn = fn;
  globalThis.__pp_assert = assert;
  const callScript = new vm.Script('__pp_fn(...__pp_args)', { filename: 'harness.js' });
  const tests = lines.slice(1).filter((l) => l.trim() !== '');
  for (let i = header.start; i < tests.length; i++) {
    const test = JSON.parse(tests[i]);
    tests[i] = '';
    let script = callScript;
    if (test.script !== undefined) {
      script = new vm.Script('(function (assert) {\n' + test.script + '\ncheck(__pp_fn);\n})(__pp_assert);',
                             { filename: '<hidden checks>' });
    } else {
      globalThis.__pp_args = test.args;
    }
    emit({ ev: 'start', i });
    resetPeak();
    const t0 = process.hrtime.bigint();
    const run = guarded(script);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const event = { ev: 'done', i, status: run.status, time_ms: Math.round(ms * 1000) / 1000,
                    mem_kb: peakKb(), stdout: run.text };
    if (run.status === 'error') Object.assign(event, describe(run.err));
    emit(event, run.status === 'ok' && test.script === undefined ? toJson(run.value) : undefined);
  }
  emit({ ev: 'end' });
  process.exit(0);
}

main();
