"""Interviewer latency: from the moment the candidate's answer is known as text
to the interviewer's first streamed token, through LanguageModel.generate
(prompt building, context fitting, hashing, streaming, cleaning) versus the
bare llama_cpp.Llama.__call__(prompt, stream=True) on the very same prompt.

    .venv/bin/python bench/bench_llm_latency.py [--runs 20]

Every run uses a different answer after the same interview history. Before
each measured call the history alone is evaluated, so both paths start from
the state a real session is in: earlier turns in llama.cpp's KV cache, the new
answer not. A third column shows the effect of prefill(): the engine evaluates
the partial answer while the candidate is still speaking.
Targets: p50 <= 300 ms, overhead ratio <= 1.2. Only reports, never fails.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.llm import LanguageModel, Turn  # noqa: E402

CONTEXT = "Role: backend engineer. Skills: Python, PostgreSQL, system design."
HISTORY = [
    Turn("interviewer", "Thanks for joining. Tell me about a project you are proud of."),
    Turn("candidate", "I rebuilt the order pipeline at my last company. It moved from a cron job "
                      "to a queue with workers, and orders now show up in seconds instead of minutes."),
    Turn("interviewer", "What made the old pipeline slow?"),
]
ANSWERS = [
    "The cron job ran every five minutes and processed everything in one transaction, so a single bad row blocked the whole batch.",
    "We polled the database for new orders, and the query did a full table scan because the status column had no index.",
    "Mostly the batch size. It grew with the business and one run started taking longer than the interval between runs.",
    "Retries were manual. When the payment service timed out, someone had to rerun the job by hand the next morning.",
    "The job loaded every order into memory and sorted them in Python, which was fine for a thousand orders but not for a million.",
    "Locks. The job held a lock on the orders table while it ran, so the checkout page waited for it.",
    "There was no parallelism at all; one process did the work for every region, one order at a time.",
    "The logging was synchronous and wrote to a network share, which added almost a second per order.",
    "We called the inventory service once per item instead of once per order, so a big order meant hundreds of requests.",
    "Honestly the biggest problem was that nobody owned it, so small slow parts piled up over two years.",
    "The job recomputed totals for all historical orders every run instead of only the new ones.",
    "It serialized everything to XML before sending it to the warehouse system, and the parser was very slow.",
    "Connection handling: it opened a new database connection for every order instead of using a pool.",
    "A missing index on the customer foreign key made the join with the customers table take most of the time.",
    "The workers shared one Redis instance that was also used as a cache, so evictions caused cache misses everywhere.",
    "We sent an email inside the transaction, so a slow mail server made the whole transaction slow.",
    "The job ran on a small virtual machine that also hosted the reporting database, so they fought over the disk.",
    "Every order triggered a full recalculation of the shipping rates table, which was only updated once a week.",
    "It validated addresses with an external API one by one, and that API was rate limited to ten calls per second.",
    "The code used an ORM that issued one query per related object, the classic N plus one problem.",
]


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--max-tokens", type=int, default=24, help="tokens per run (latency needs few)")
    args = ap.parse_args()

    lm = LanguageModel(seed=0).load()
    llama = lm.llama
    print(f"model {lm.model_id}  prompt style {lm.prompt_style}  load {lm.load_seconds:.2f}s  "
          f"threads {lm.n_threads}  load average {os.getloadavg()[0]:.2f}")
    sampling = dict(max_tokens=args.max_tokens, temperature=0.7, top_p=0.9, top_k=40,
                    repeat_penalty=1.1, stop=["\n", "Candidate:", "Interviewer:"])
    history_prompt = lm.prompt_for(HISTORY, CONTEXT)

    def prime() -> None:  # history in the KV cache, the new answer not
        llama(history_prompt, max_tokens=1, temperature=0.0)

    def bare(prompt: str, seed: int) -> float:
        t0 = time.perf_counter()
        for chunk in llama(prompt, stream=True, seed=seed, **sampling):
            if chunk["choices"][0]["text"]:
                return time.perf_counter() - t0
        return float("nan")

    def wrapped(turns: list[Turn], seed: int) -> tuple[float, object]:
        first: list[float] = []
        t0 = time.perf_counter()
        gen = lm.generate(turns, CONTEXT, seed=seed, on_token=lambda _: first or first.append(time.perf_counter() - t0),
                          **{k: v for k, v in sampling.items() if k in ("max_tokens", "temperature", "stop")})
        return (first[0] if first else float("nan")), gen

    # warm-up (page the weights in), not measured
    prime()
    bare(lm.prompt_for(HISTORY + [Turn("candidate", ANSWERS[0])], CONTEXT), 0)

    t_bare, t_lm, t_prefilled, new_tokens, valid = [], [], [], [], 0
    runs = [ANSWERS[i % len(ANSWERS)] for i in range(args.runs)]
    for i, answer in enumerate(runs):
        turns = HISTORY + [Turn("candidate", answer)]
        prompt = lm.prompt_for(turns, CONTEXT)
        new_tokens.append(len(llama.tokenize(prompt.encode())) - len(llama.tokenize(history_prompt.encode())))
        order = (0, 1) if i % 2 == 0 else (1, 0)  # alternate which path goes first
        for which in order:
            prime()
            if which == 0:
                t_bare.append(bare(prompt, seed=i))
            else:
                t, gen = wrapped(turns, seed=i)
                assert gen.prompt == prompt, "benchmark must compare the same prompt"
                t_lm.append(t)
                valid += gen.valid
        # prefill: the first 70 % of the answer was evaluated while it was being spoken
        prime()
        words = answer.split()
        lm.prefill(HISTORY + [Turn("candidate", " ".join(words[: int(len(words) * 0.7)]))], CONTEXT)
        t, _ = wrapped(turns, seed=i)
        t_prefilled.append(t)
        print(f"{i:>3} +{new_tokens[-1]:>3} tokens   bare {t_bare[-1] * 1000:6.0f} ms   "
              f"generate {t_lm[-1] * 1000:6.0f} ms   with prefill {t_prefilled[-1] * 1000:6.0f} ms", flush=True)

    cold = []
    for i in range(3):
        llama.reset()  # nothing cached: e.g. the first question of a session after loading
        cold.append(bare(lm.prompt_for(HISTORY + [Turn("candidate", runs[i])], CONTEXT), seed=i))

    p50b, p90b = pct(t_bare, 50), pct(t_bare, 90)
    p50w, p90w = pct(t_lm, 50), pct(t_lm, 90)
    p50p, p90p = pct(t_prefilled, 50), pct(t_prefilled, 90)
    print(f"\n{len(runs)} runs; new prompt tokens per answer: median {statistics.median(new_tokens):.0f}")
    print(f"{'first token':<14}{'bare llama':>12}{'generate()':>12}{'ratio':>8}{'w/ prefill':>12}")
    print(f"{'p50':<14}{p50b * 1000:>10.0f}ms{p50w * 1000:>10.0f}ms{p50w / p50b:>8.2f}{p50p * 1000:>10.0f}ms")
    print(f"{'p90':<14}{p90b * 1000:>10.0f}ms{p90w * 1000:>10.0f}ms{p90w / p90b:>8.2f}{p90p * 1000:>10.0f}ms")
    print(f"cold cache (whole prompt evaluated): median {statistics.median(cold) * 1000:.0f} ms")
    print(f"usable follow-ups (valid): {valid}/{len(runs)}")
    print(f"\np50 target (<= 300 ms) {'met' if p50w <= 0.3 else 'MISSED'}; overhead ratio target (<= 1.2) "
          f"{'met' if p50w / p50b <= 1.2 else 'MISSED'} (load average {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
