#!/usr/bin/env python3
"""Build the three core question packs of Perfect Pitch.

The packs are JSON Lines files (see ../FORMAT.md):

    core-behavioral.jsonl     behavioral questions      (beh-NNN)
    core-coding.jsonl         coding problems           (code-NNN)
    core-system-design.jsonl  system design questions   (sd-NNN)

All content is original and kept here as Python literals so that edits stay
readable and reviewable; the .jsonl files are generated output.  Run

    python resources/questions/src/build_core_packs.py

from anywhere; the output is deterministic (same input, same bytes).  Ids are
written out explicitly so that inserting a question never renumbers others.

Coding problems are written with a compact schema that ``coding_record``
expands into the pack format: Python/JavaScript/C++ starters are generated
from the entry point, parameter names and a docstring, and ``visible`` /
``hidden`` hold ``(args, expected)`` pairs.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent
FORMAT_VERSION = 1
LICENSE = "MIT"


def text(s: str) -> str:
    """Dedent a triple-quoted prose block and trim surrounding blank lines."""
    return textwrap.dedent(s).strip("\n")


def code(s: str) -> str:
    """Dedent a triple-quoted source block; always ends with one newline."""
    return textwrap.dedent(s).strip("\n") + "\n"


# ---------------------------------------------------------------------------
# Behavioral questions
# ---------------------------------------------------------------------------
# Skills: Communication, Leadership, Teamwork, Conflict Resolution,
# Problem Solving, Ownership, Adaptability, Customer Focus, Time Management,
# Mentoring.

BEHAVIORAL = [
    dict(
        id="beh-001",
        title="Explaining a technical idea to a non-technical audience",
        prompt="Tell me about a time you had to explain a technical problem or decision to someone without a technical background. How did you make sure they understood it well enough to act on it?",
        skills=["Communication"],
        difficulty="easy",
        strong_answer=[
            "Names the audience and the decision or action they needed to take, not just that they were 'non-technical'.",
            "Describes concrete techniques: an analogy, a sketch, dropping jargon, leading with impact (cost, risk, time) before mechanism.",
            "Checks understanding actively, e.g. asks them to restate the trade-off, rather than assuming silence means agreement.",
            "States the result: what was decided and what changed because the explanation landed.",
        ],
        follow_ups=[
            "How did you know they really understood rather than just nodding along?",
            "What did you deliberately leave out of the explanation, and why?",
            "Has an explanation of yours ever backfired? What did you change afterwards?",
        ],
        hints=[
            "Pick a moment where the listener had to decide something based on what you told them.",
            "Mention the specific analogy, picture or number you used.",
        ],
    ),
    dict(
        id="beh-002",
        title="Delivering bad news to a stakeholder",
        prompt="Describe a situation where you had to tell a stakeholder something they did not want to hear, such as a slipped date, a failed launch or a cost overrun. How did you handle the conversation?",
        skills=["Communication", "Ownership"],
        difficulty="medium",
        strong_answer=[
            "Raised the news early, as soon as it was known, instead of waiting for a status meeting or hoping it would fix itself.",
            "Was specific about what happened, the impact, and their own part in it, without blaming others.",
            "Came with options and a recommendation (re-scope, new date, extra help) rather than only the problem.",
            "Explains how trust was kept or rebuilt: follow-up cadence, what was delivered against the revised plan.",
            "Reflects on the early warning signs and what they now do to surface risk sooner.",
        ],
        follow_ups=[
            "When did you first suspect there was a problem, and why did you wait or not wait to say so?",
            "How did the stakeholder react, and what did you do in the moment?",
            "What would you do differently to avoid being in that position again?",
        ],
        hints=[
            "Interviewers look for timing: how early did you raise it?",
            "Describe the options you brought along with the bad news.",
        ],
    ),
    dict(
        id="beh-003",
        title="A document that changed a decision",
        prompt="Tell me about a time something you wrote, such as a design doc, proposal or post-mortem, changed how your team or organisation decided something.",
        skills=["Communication", "Leadership"],
        difficulty="medium",
        strong_answer=[
            "Explains the decision at stake and why writing (rather than a meeting) was the right medium.",
            "Describes how the document was structured: problem first, options with trade-offs, a clear recommendation, open questions.",
            "Shows how feedback was gathered and incorporated, including from people who disagreed.",
            "Gives the concrete outcome: what was decided, what was built or stopped, and how the doc was used later.",
        ],
        follow_ups=[
            "Who was the hardest reader to convince, and what changed their mind?",
            "What feedback did you reject, and how did you handle that?",
            "How long was the document, and how did you decide what to cut?",
        ],
        hints=[
            "Focus on one document and one decision rather than your writing habits in general.",
        ],
    ),
    dict(
        id="beh-004",
        title="A misunderstanding that caused a problem",
        prompt="Give me an example of a time a miscommunication between you and someone else caused a real problem. What happened, and what did you do about it?",
        skills=["Communication", "Problem Solving"],
        difficulty="medium",
        strong_answer=[
            "Describes the misunderstanding precisely: who assumed what, and where the gap was (terminology, unstated requirement, channel).",
            "Takes a fair share of responsibility instead of blaming the other party.",
            "Explains the immediate fix to limit damage and how the situation was recovered.",
            "Names a lasting change: written acceptance criteria, confirming back in their own words, a shared glossary, a different channel.",
        ],
        follow_ups=[
            "Looking back, what was the earliest moment the misunderstanding could have been caught?",
            "How did you repair the working relationship afterwards?",
            "Have you seen the same kind of miscommunication since? Did your change help?",
        ],
        hints=[
            "A small, concrete example with a clear lesson works better than a dramatic one with a vague lesson.",
        ],
    ),
    dict(
        id="beh-005",
        title="Saying no to a senior person",
        prompt="Tell me about a time you had to say no to, or push back on, a request from someone more senior than you. How did you approach it and what was the outcome?",
        skills=["Communication", "Conflict Resolution"],
        difficulty="hard",
        strong_answer=[
            "Explains why the request was problematic with evidence (risk, cost, conflicting priorities), not personal preference.",
            "Sought to understand the underlying goal behind the request before pushing back.",
            "Offered an alternative that met the real need, or made the trade-off explicit so the senior person could decide knowingly.",
            "Chose the right setting and tone: private, respectful, direct.",
            "Describes the result honestly, including if they were overruled, and how they committed afterwards.",
        ],
        follow_ups=[
            "What did you do if they insisted anyway?",
            "How did this affect your relationship with that person afterwards?",
            "Is there a time you should have pushed back and did not?",
        ],
        hints=[
            "Show that you understood why they asked before explaining why you said no.",
            "Interviewers like hearing the alternative you proposed.",
        ],
    ),
    dict(
        id="beh-006",
        title="A question you could not answer",
        prompt="Describe a time you were presenting or in a meeting and were asked a question you could not answer. How did you handle it?",
        skills=["Communication", "Adaptability"],
        difficulty="easy",
        strong_answer=[
            "Admitted not knowing clearly instead of bluffing or deflecting.",
            "Offered what they did know, or how they would find the answer, and committed to a time to follow up.",
            "Actually followed up with the answer, and describes how it was received.",
            "Reflects on preparation changes, e.g. anticipating questions or bringing a colleague with deeper knowledge.",
        ],
        follow_ups=[
            "How did you feel in the moment, and how did that show?",
            "What did you do to prepare differently for the next presentation?",
        ],
        hints=[
            "The follow-up you sent afterwards is as important as what you said in the room.",
        ],
    ),
    dict(
        id="beh-007",
        title="Keeping a distributed team aligned",
        prompt="Tell me about a time you worked with people spread across locations or time zones. What did you do to keep everyone aligned and moving?",
        skills=["Communication", "Teamwork"],
        difficulty="medium",
        strong_answer=[
            "Identifies a concrete alignment problem (duplicate work, decisions made without some people, slow hand-offs).",
            "Describes specific practices introduced: written decision logs, async updates, rotating meeting times, clear owners per area.",
            "Shows awareness of fairness, e.g. not always making one region take the late call.",
            "Measures the effect: fewer blockers, faster reviews, better delivery predictability.",
        ],
        follow_ups=[
            "Which practice did not work, and why?",
            "How did you make decisions when key people were asleep?",
            "How did you build relationships with people you rarely saw live?",
        ],
        hints=[
            "Name at least one specific habit or tool you introduced, not just 'we communicated a lot'.",
        ],
    ),
    dict(
        id="beh-008",
        title="Leading without authority",
        prompt="Tell me about a time you led an initiative where the people doing the work did not report to you. How did you get them on board and keep things moving?",
        skills=["Leadership", "Teamwork"],
        difficulty="medium",
        strong_answer=[
            "Frames the goal and why it mattered to each participant's own priorities, not just their own.",
            "Uses influence tools: shared data, early involvement in design, public credit, agreements with their managers.",
            "Sets up a lightweight structure: clear owners, milestones, a regular check-in.",
            "Handles at least one point of resistance concretely.",
            "Reports the outcome and what others said about working with them.",
        ],
        follow_ups=[
            "Who was least motivated to help, and what did you do?",
            "How did you handle someone missing their commitment?",
            "What would you have done differently with formal authority?",
        ],
        hints=[
            "Explain what was in it for the people you needed help from.",
        ],
    ),
    dict(
        id="beh-009",
        title="Setting a direction others disagreed with",
        prompt="Describe a time you set or championed a technical or product direction that others initially disagreed with. How did you bring them along, and were you right?",
        skills=["Leadership", "Conflict Resolution"],
        difficulty="hard",
        strong_answer=[
            "States the disagreement fairly, including the strongest version of the opposing view.",
            "Uses evidence to persuade: a prototype, benchmark, customer data or a small reversible trial.",
            "Separates reversible from irreversible parts of the decision and adjusts how hard to push accordingly.",
            "Explains how dissenters were kept engaged and committed after the decision.",
            "Evaluates the result honestly, including what they got wrong.",
        ],
        follow_ups=[
            "What would have convinced you that you were wrong?",
            "Did anyone stay unconvinced? How did you work with them afterwards?",
            "How did you decide it was worth the friction?",
        ],
        hints=[
            "Describe the other side's argument as if you agreed with it.",
            "A prototype or measurement is more convincing in an answer than 'I explained it well'.",
        ],
    ),
    dict(
        id="beh-010",
        title="Taking over a struggling project",
        prompt="Tell me about a time you took over a project or team that was in trouble. What did you find, and what did you change first?",
        skills=["Leadership", "Ownership"],
        difficulty="hard",
        strong_answer=[
            "Describes how they diagnosed the situation before acting: talking to people, reviewing the plan, looking at data.",
            "Prioritised a small number of changes and explains why those first (scope cut, clearer ownership, fixing a broken process).",
            "Managed stakeholders: reset expectations with a realistic plan.",
            "Looked after the team's morale and avoided blaming the previous lead.",
            "Quantifies the turnaround and names what they would do faster next time.",
        ],
        follow_ups=[
            "What did you decide not to fix, and why?",
            "How did you reset expectations with stakeholders?",
            "How did the team react to the changes you made?",
        ],
        hints=[
            "Separate the first week (diagnosis) from the following months (changes and results).",
        ],
    ),
    dict(
        id="beh-011",
        title="Deciding with incomplete information",
        prompt="Tell me about an important decision you had to make without all the information you wanted. How did you decide, and how did it turn out?",
        skills=["Leadership", "Problem Solving"],
        difficulty="medium",
        strong_answer=[
            "Explains why waiting was costly and what information was missing.",
            "Describes how the risk was bounded: reversible steps, a deadline for revisiting, explicit assumptions.",
            "Shows who was consulted and how the decision was communicated, including the uncertainty.",
            "Reports the outcome and whether the assumptions held; what they would check earlier next time.",
        ],
        follow_ups=[
            "Which assumption were you least sure about?",
            "What signal would have made you reverse the decision?",
            "How did you communicate the uncertainty to the people affected?",
        ],
        hints=[
            "Mention how you made the decision easier to undo if you were wrong.",
        ],
    ),
    dict(
        id="beh-012",
        title="Motivating a team through a tough stretch",
        prompt="Describe a period when your team's morale was low, for example after a cancelled project, a reorganisation or a long crunch. What did you do?",
        skills=["Leadership", "Teamwork"],
        difficulty="medium",
        strong_answer=[
            "Identifies the real cause of low morale by listening rather than guessing.",
            "Takes concrete actions: honest communication about what was happening, visible quick wins, removing a pain point, recognising work.",
            "Adjusts workload or scope where possible instead of only giving pep talks.",
            "Describes the effect on the team, with evidence beyond 'people were happier'.",
        ],
        follow_ups=[
            "How did you find out what was actually bothering people?",
            "What was outside your control, and how did you handle that?",
            "Did anyone leave? What did you learn from that?",
        ],
        hints=[
            "You do not need to be the manager to answer this; peers influence morale too.",
        ],
    ),
    dict(
        id="beh-013",
        title="Delegating something important",
        prompt="Tell me about a time you delegated an important piece of work. How did you choose the person, set them up, and follow up without micromanaging?",
        skills=["Leadership", "Mentoring"],
        difficulty="medium",
        strong_answer=[
            "Explains the choice of person, including the growth opportunity for them, not only availability.",
            "Describes how the goal, constraints and definition of done were handed over.",
            "Agreed on check-in points and how they would step in if things went off track.",
            "Reports the outcome and what the person learned, including handling any mistakes.",
        ],
        follow_ups=[
            "Was there a moment you wanted to take it back? What did you do?",
            "How did you make sure they got credit for the result?",
            "What would you delegate differently next time?",
        ],
        hints=[
            "Talk about how you balanced trust with checking in.",
        ],
    ),
    dict(
        id="beh-014",
        title="A leadership call that turned out wrong",
        prompt="Tell me about a decision you made, as a lead or owner, that turned out to be wrong. How did you find out, and what did you do?",
        skills=["Leadership", "Ownership"],
        difficulty="hard",
        strong_answer=[
            "Picks a real decision with real consequences, not a disguised success.",
            "Explains the reasoning at the time, showing it was considered rather than careless.",
            "Describes noticing the problem and acknowledging it openly to the team and stakeholders.",
            "Explains the correction and how the cost was limited.",
            "Names a specific change in how they now make similar decisions.",
        ],
        follow_ups=[
            "How long did it take you to admit it was the wrong call, and why?",
            "How did the team react when you reversed course?",
            "What signal did you miss early on?",
        ],
        hints=[
            "Interviewers value the honest admission and the concrete lesson more than the mistake itself.",
        ],
    ),
    dict(
        id="beh-015",
        title="Helping a struggling teammate",
        prompt="Tell me about a time a teammate was struggling with their work. What did you notice, and how did you help?",
        skills=["Teamwork", "Mentoring"],
        difficulty="easy",
        strong_answer=[
            "Describes the signals noticed (missed updates, long-running tasks, frustration) and approached the person privately and kindly.",
            "Asked what would help rather than taking over the work.",
            "Offered concrete help: pairing, breaking the task down, unblocking access, covering a meeting.",
            "Respects the person's ownership and reports the outcome for both them and the project.",
        ],
        follow_ups=[
            "How did you balance helping them with your own commitments?",
            "Did you involve your manager? Why or why not?",
        ],
        hints=[
            "Show how you helped without making them feel judged.",
        ],
    ),
    dict(
        id="beh-016",
        title="Working with a different working style",
        prompt="Describe a time you worked closely with someone whose working style was very different from yours. How did you make it work?",
        skills=["Teamwork", "Adaptability"],
        difficulty="easy",
        strong_answer=[
            "Describes the difference concretely (planning vs improvising, async vs meetings, detail vs big picture) without caricaturing the other person.",
            "Talked about the difference openly and agreed on how to work together.",
            "Adapted their own habits and recognised what the other style brought to the work.",
            "Gives the outcome for the project and the working relationship.",
        ],
        follow_ups=[
            "What did you learn from their way of working that you still use?",
            "What would you do if the difference had started to hurt delivery?",
        ],
        hints=[
            "Show what you changed about yourself, not only what the other person changed.",
        ],
    ),
    dict(
        id="beh-017",
        title="Contributing behind the scenes",
        prompt="Tell me about a team success where your contribution was important but not very visible. What did you do, and how did you feel about the recognition?",
        skills=["Teamwork"],
        difficulty="easy",
        strong_answer=[
            "Describes the contribution concretely, e.g. tooling, testing, unblocking others, documentation, and why it mattered.",
            "Shows that the team's success mattered more than individual credit.",
            "Explains how they still made the work understood where it mattered (e.g. to their manager) without grabbing credit.",
            "Connects the contribution to the measurable team outcome.",
        ],
        follow_ups=[
            "How did your manager learn about your contribution?",
            "Would you make the same trade-off between visible and invisible work again?",
        ],
        hints=[
            "Make clear what would have gone wrong without your part.",
        ],
    ),
    dict(
        id="beh-018",
        title="Blocked by another team",
        prompt="Tell me about a time your work depended on another team that was not delivering what you needed. How did you get unblocked?",
        skills=["Teamwork", "Problem Solving"],
        difficulty="medium",
        strong_answer=[
            "Understood the other team's priorities and constraints before escalating.",
            "Made the ask easy: a clear, specific request, a proposed interface, an offer to contribute code or testing.",
            "Created a fallback or workaround so their own team was not fully blocked.",
            "Escalated appropriately and transparently if needed, with data rather than complaints.",
            "Describes the outcome and how the collaboration improved afterwards.",
        ],
        follow_ups=[
            "At what point did you decide to escalate, and how?",
            "How did the other team see the situation?",
            "What would you set up earlier next time to avoid this?",
        ],
        hints=[
            "Describe what you did to make helping you easier for the other team.",
        ],
    ),
    dict(
        id="beh-019",
        title="A teammate not pulling their weight",
        prompt="Describe a situation where a teammate was consistently not delivering their share. What did you do?",
        skills=["Teamwork", "Conflict Resolution"],
        difficulty="medium",
        strong_answer=[
            "Checked their own assumptions first: was the work unclear, was the person overloaded or dealing with something?",
            "Spoke to the person directly and privately, with specific examples and impact rather than judgement.",
            "Agreed on concrete next steps and followed up.",
            "Involved the manager only when direct conversation did not work, and explains why.",
            "Describes the outcome for the project and the relationship.",
        ],
        follow_ups=[
            "What did you find out was actually going on?",
            "How did you avoid simply doing their work yourself?",
            "How did the rest of the team react?",
        ],
        hints=[
            "Interviewers listen for whether you talked to the person before going to a manager.",
        ],
    ),
    dict(
        id="beh-020",
        title="Sharing credit",
        prompt="Tell me about a time you were praised for work that others had contributed to significantly. What did you do?",
        skills=["Teamwork", "Communication"],
        difficulty="easy",
        strong_answer=[
            "Redirected credit specifically and publicly, naming people and what they did.",
            "Made sure the recognition reached the contributors' managers or performance records where relevant.",
            "Shows that crediting others is a habit, with another brief example if possible.",
        ],
        follow_ups=[
            "Has the opposite ever happened, where someone else got credit for your work?",
            "How do you make quieter teammates' contributions visible?",
        ],
        hints=[
            "Being specific about who did what shows you paid attention to others' work.",
        ],
    ),
    dict(
        id="beh-021",
        title="Getting productive on a new team",
        prompt="Tell me about the last time you joined a new team or project. How did you get up to speed and start contributing?",
        skills=["Teamwork", "Adaptability"],
        difficulty="easy",
        strong_answer=[
            "Describes a deliberate ramp-up plan: reading code and docs, setting up the environment, asking for a starter task.",
            "Built relationships early, e.g. one-on-ones with teammates and key partners.",
            "Delivered a first meaningful contribution quickly and says how long it took.",
            "Gave something back, e.g. fixing onboarding docs for the next person.",
        ],
        follow_ups=[
            "What was the hardest part of the codebase or domain to understand?",
            "What would you change about how that team onboarded you?",
        ],
        hints=[
            "Include a rough timeline: first week, first month.",
        ],
    ),
    dict(
        id="beh-022",
        title="Disagreeing with a peer on a technical approach",
        prompt="Tell me about a time you and a peer strongly disagreed on how to build something. How was the disagreement resolved?",
        skills=["Conflict Resolution", "Communication"],
        difficulty="medium",
        strong_answer=[
            "Describes both positions fairly, with the real trade-offs (performance, complexity, time, risk).",
            "Moved the discussion from opinions to criteria and evidence: requirements, measurements, a spike.",
            "Kept the relationship respectful; the disagreement stayed about the work, not the person.",
            "Explains how the decision was made (agreement, a tie-breaker, time-boxed experiment) and that both committed to it.",
            "Shares the outcome and what they learned, including if their own view lost.",
        ],
        follow_ups=[
            "What would have happened if you could not agree?",
            "Was there anything in their approach you ended up adopting?",
            "How do you tell when a disagreement is worth having at all?",
        ],
        hints=[
            "Describe the criteria you agreed on to judge the options.",
        ],
    ),
    dict(
        id="beh-023",
        title="Mediating between two teammates",
        prompt="Describe a time you helped resolve a conflict between two other people on your team. What was your role and what happened?",
        skills=["Conflict Resolution", "Leadership"],
        difficulty="hard",
        strong_answer=[
            "Explains why they stepped in and whether it was their place to do so.",
            "Listened to each person separately before bringing them together.",
            "Reframed the conflict around shared goals and specific, solvable issues.",
            "Stayed neutral and helped the two agree on concrete working agreements.",
            "Reports the outcome over time, not just the day after.",
        ],
        follow_ups=[
            "How did you stay neutral if you privately agreed with one of them?",
            "What would you have done if the conflict had continued?",
            "When is it better not to get involved?",
        ],
        hints=[
            "Show what you did before the joint conversation as well as during it.",
        ],
    ),
    dict(
        id="beh-024",
        title="Receiving harsh feedback",
        prompt="Tell me about the most critical feedback you have received at work. How did you react, and what did you do with it?",
        skills=["Conflict Resolution", "Adaptability"],
        difficulty="medium",
        strong_answer=[
            "Picks real, substantive feedback, not a humble-brag.",
            "Describes their honest first reaction and how they moved past defensiveness.",
            "Sought clarification and examples to understand the feedback fully.",
            "Made concrete changes and can show evidence they worked.",
            "Describes how they now ask for feedback proactively.",
        ],
        follow_ups=[
            "Was any part of the feedback unfair? How did you handle that part?",
            "How did you check that you had improved?",
            "How do you ask for feedback today?",
        ],
        hints=[
            "Interviewers want a real weakness and a real change, not a strength in disguise.",
        ],
    ),
    dict(
        id="beh-025",
        title="Conflict with your manager",
        prompt="Describe a significant disagreement you had with your manager. How did you handle it, and where did you end up?",
        skills=["Conflict Resolution", "Communication"],
        difficulty="hard",
        strong_answer=[
            "Explains the disagreement and the stakes for the team or the work.",
            "Raised it directly and privately, with reasoning and data, after trying to understand the manager's constraints.",
            "Distinguishes between disagreeing and undermining: once decided, committed to the outcome or escalated through proper channels.",
            "Describes the result and what it did to the relationship.",
        ],
        follow_ups=[
            "What did you learn about your manager's perspective?",
            "Would you escalate above your manager in a similar case? When?",
            "How did you behave in front of the team while the disagreement was open?",
        ],
        hints=[
            "'Disagree and commit' is a useful idea here, but show what it looked like in practice.",
        ],
    ),
    dict(
        id="beh-026",
        title="Competing priorities from two stakeholders",
        prompt="Tell me about a time two stakeholders wanted conflicting things from you or your team, with not enough capacity for both. How did you resolve it?",
        skills=["Conflict Resolution", "Time Management"],
        difficulty="hard",
        strong_answer=[
            "Made the conflict explicit and visible rather than quietly trying to do both.",
            "Understood the real need and deadline behind each request; found any overlap or partial solution.",
            "Used a shared criterion (impact, deadline, company goals) and brought the stakeholders or a common decision-maker together.",
            "Communicated the decision and its consequences to both sides clearly.",
            "Shows both relationships stayed intact and what happened to the deferred work.",
        ],
        follow_ups=[
            "Who made the final call, and why them?",
            "How did the stakeholder who lost out react?",
            "How do you prevent the same clash next quarter?",
        ],
        hints=[
            "Explain how you avoided becoming the only person deciding between two people senior to you.",
        ],
    ),
    dict(
        id="beh-027",
        title="A heated code review",
        prompt="Tell me about a code review, design review or pull request discussion that became tense. What did you do?",
        skills=["Conflict Resolution", "Teamwork"],
        difficulty="medium",
        strong_answer=[
            "Describes the trigger honestly, including their own contribution to the tension.",
            "Moved the discussion to a better medium (a call, a pairing session) when comments went back and forth.",
            "Separated blocking issues from preferences and conceded on preferences.",
            "Resolved the change and describes any team norm that came out of it, e.g. a style guide or review etiquette.",
        ],
        follow_ups=[
            "How do you phrase review comments so they are not read as personal?",
            "What do you do when a reviewer blocks your change on a matter of taste?",
        ],
        hints=[
            "Mention how you distinguished must-fix issues from personal preference.",
        ],
    ),
    dict(
        id="beh-028",
        title="The hardest bug you have tracked down",
        prompt="Walk me through the hardest bug you have debugged. How did you narrow it down, and what was the root cause?",
        skills=["Problem Solving"],
        difficulty="medium",
        strong_answer=[
            "Describes the symptom and why it was hard (intermittent, only in production, spanning components).",
            "Shows a systematic method: reproduce, form hypotheses, bisect, add instrumentation, eliminate causes one at a time.",
            "Explains the actual root cause clearly and why earlier guesses were wrong.",
            "Describes the fix and the prevention: a test, an alert, a design change.",
            "Mentions what they learned about debugging or the system.",
        ],
        follow_ups=[
            "What hypothesis did you spend the most time on that turned out wrong?",
            "How did you confirm the fix actually worked?",
            "What tool or technique would have found it faster?",
        ],
        hints=[
            "Interviewers care about your method more than the exotic cause.",
            "Mention how you reproduced it.",
        ],
    ),
    dict(
        id="beh-029",
        title="The simple solution",
        prompt="Tell me about a time you solved a problem with a much simpler approach than the one others were proposing. How did you get the simpler approach accepted?",
        skills=["Problem Solving", "Communication"],
        difficulty="medium",
        strong_answer=[
            "Explains the original complex proposal and what problem it was trying to solve.",
            "Shows how they found the simpler approach, e.g. questioning a requirement or reusing something that already existed.",
            "Checked honestly what the simple approach gave up and whether that mattered.",
            "Persuaded others with a prototype or numbers and kept it respectful.",
            "Reports the result: time saved, lower maintenance, or where the simple approach later needed extending.",
        ],
        follow_ups=[
            "What were the limits of the simple approach?",
            "How did the people who proposed the complex solution react?",
        ],
        hints=[
            "Be clear about the trade-off you accepted by keeping it simple.",
        ],
    ),
    dict(
        id="beh-030",
        title="Letting data change your mind",
        prompt="Tell me about a time you used data to make a decision, especially one where the data contradicted what you or your team expected.",
        skills=["Problem Solving", "Customer Focus"],
        difficulty="medium",
        strong_answer=[
            "States the initial belief and why it seemed reasonable.",
            "Explains what data was gathered, how, and how its quality and biases were checked.",
            "Shows the change in decision that followed and how it was communicated.",
            "Gives the measurable outcome and any follow-up measurement.",
        ],
        follow_ups=[
            "How did you know the data was trustworthy?",
            "Who resisted the conclusion, and how did you handle that?",
            "When is it right to decide against what the data says?",
        ],
        hints=[
            "Mention at least one check you did on the data before trusting it.",
        ],
    ),
    dict(
        id="beh-031",
        title="A problem you could not solve",
        prompt="Tell me about a problem you were responsible for that you could not solve on your own. What did you try, and what did you do in the end?",
        skills=["Problem Solving", "Ownership"],
        difficulty="hard",
        strong_answer=[
            "Describes a genuinely hard problem and the serious attempts made, with reasoning for each.",
            "Recognised the right moment to ask for help or change approach, rather than struggling silently.",
            "Kept stakeholders informed about the state and risk.",
            "Explains the final outcome (solved with help, worked around, descoped) and owns it.",
            "Names what they learned about their limits or about when to ask.",
        ],
        follow_ups=[
            "How do you decide when to stop trying alone and ask for help?",
            "What did the person who helped you see that you missed?",
            "What is still unsolved, and does it still matter?",
        ],
        hints=[
            "It is fine if the answer is that you did not solve it; ownership of the outcome is what matters.",
        ],
    ),
    dict(
        id="beh-032",
        title="Handling a production incident",
        prompt="Describe a serious production incident you were involved in. What was your role, how did you work under pressure, and what happened afterwards?",
        skills=["Problem Solving", "Ownership", "Time Management"],
        difficulty="hard",
        strong_answer=[
            "Describes the impact clearly (users affected, duration, severity) and their specific role.",
            "Prioritised mitigation over root cause during the incident, e.g. rollback, failover, feature flag.",
            "Communicated status regularly to stakeholders and coordinated with others under pressure.",
            "Led or contributed to a blameless post-incident review with concrete action items.",
            "Shows the action items were actually completed and what they prevented.",
        ],
        follow_ups=[
            "What was the first thing you did when you were paged?",
            "How did you decide between fixing forward and rolling back?",
            "Which action item from the review was hardest to get done?",
        ],
        hints=[
            "Separate the response (minutes to hours) from the follow-up (days to weeks).",
            "Name the mitigation that stopped the bleeding.",
        ],
    ),
    dict(
        id="beh-033",
        title="Fixing an inefficient process",
        prompt="Tell me about a process or workflow that was wasting your team's time and what you did to improve it.",
        skills=["Problem Solving", "Ownership"],
        difficulty="easy",
        strong_answer=[
            "Identifies the process and quantifies the waste (hours per week, errors, delays).",
            "Took the initiative to fix it without being asked.",
            "Describes the solution (automation, removing a step, a template) and how they got buy-in from the people using it.",
            "Measures the improvement after the change.",
        ],
        follow_ups=[
            "Did anyone prefer the old process? How did you handle that?",
            "How did you make sure the improvement stuck?",
        ],
        hints=[
            "A before-and-after number makes this answer much stronger.",
        ],
    ),
    dict(
        id="beh-034",
        title="Preventing a problem from recurring",
        prompt="Tell me about a time you went beyond fixing the immediate issue to make sure a class of problems would not happen again.",
        skills=["Problem Solving", "Ownership"],
        difficulty="medium",
        strong_answer=[
            "Describes the original problem and why a quick fix alone was not enough.",
            "Found the underlying root cause, e.g. with a 'five whys' style analysis.",
            "Implemented a systemic fix: validation, tests, tooling, a guardrail, a checklist.",
            "Balanced the cost of the systemic fix against the risk, and got time allocated for it.",
            "Shows evidence the problem class stopped recurring.",
        ],
        follow_ups=[
            "How did you justify spending time on this instead of feature work?",
            "How did you know the systemic fix worked?",
            "Where else could the same pattern appear?",
        ],
        hints=[
            "Distinguish clearly between the symptom fix and the root-cause fix.",
        ],
    ),
    dict(
        id="beh-035",
        title="Owning work outside your role",
        prompt="Tell me about a time you took responsibility for something that was not formally your job because nobody else was doing it.",
        skills=["Ownership"],
        difficulty="easy",
        strong_answer=[
            "Describes the gap and the consequence of leaving it unowned.",
            "Explains the decision to step in, including checking it would not step on anyone's toes.",
            "Describes what they did and how they balanced it with their main responsibilities.",
            "Made the ownership sustainable, e.g. formalising it or handing it to a proper owner.",
        ],
        follow_ups=[
            "How did you make sure your main work did not suffer?",
            "Is there a risk in taking on work that is not yours? How do you manage it?",
        ],
        hints=[
            "Say what would have happened if you had not stepped in.",
        ],
    ),
    dict(
        id="beh-036",
        title="A mistake that affected others",
        prompt="Tell me about a mistake you made that affected other people or customers. What did you do once you realised?",
        skills=["Ownership", "Communication"],
        difficulty="medium",
        strong_answer=[
            "Owns the mistake plainly, without minimising or shifting blame.",
            "Describes the immediate response: told the affected people quickly and limited the damage.",
            "Explains the fix and any clean-up done.",
            "Describes a process or habit change that prevents a repeat, for them and ideally for the team.",
        ],
        follow_ups=[
            "How long after noticing did you tell someone?",
            "What safeguard would have caught the mistake?",
            "How did the people affected react?",
        ],
        hints=[
            "The speed and honesty of your response is the heart of this answer.",
        ],
    ),
    dict(
        id="beh-037",
        title="Spotting a risk nobody owned",
        prompt="Describe a time you noticed a risk to a project or product that no one else seemed to be tracking. What did you do about it?",
        skills=["Ownership", "Leadership"],
        difficulty="medium",
        strong_answer=[
            "Explains how they spotted the risk and why others had missed it.",
            "Quantified or illustrated the risk so it could be prioritised (likelihood, impact).",
            "Raised it with the right people and proposed mitigations.",
            "Followed through until the risk had an owner and a plan, or mitigated it themselves.",
            "Describes what happened as a result, including if the risk materialised.",
        ],
        follow_ups=[
            "How did you get people to take the risk seriously?",
            "What would have happened if you had been ignored?",
        ],
        hints=[
            "Show how you made the risk concrete rather than just raising a concern.",
        ],
    ),
    dict(
        id="beh-038",
        title="Finishing when interest faded",
        prompt="Tell me about a project you saw through to the end after the initial excitement had worn off, such as a long migration or a clean-up effort.",
        skills=["Ownership", "Time Management"],
        difficulty="medium",
        strong_answer=[
            "Explains why finishing mattered, e.g. the cost of two systems running in parallel.",
            "Describes how momentum was maintained: milestones, progress tracking, celebrating progress, automating the tedious parts.",
            "Handled the long tail of awkward last cases rather than declaring victory early.",
            "Reports the completion and its measurable benefit.",
        ],
        follow_ups=[
            "How did you deal with the last few percent that were the hardest?",
            "How did you keep others engaged?",
        ],
        hints=[
            "The last 10% of a migration is usually the interesting part of the story.",
        ],
    ),
    dict(
        id="beh-039",
        title="Paying down technical debt",
        prompt="Tell me about a time you decided to pay down technical debt. How did you decide it was worth it, and how did you make the case to others?",
        skills=["Ownership", "Problem Solving"],
        difficulty="hard",
        strong_answer=[
            "Describes the debt and its concrete cost: incidents, slow delivery, onboarding pain.",
            "Chose what to fix and what to leave using impact versus effort, not a desire for tidiness.",
            "Made the business case in terms stakeholders cared about and found a way to schedule it (incrementally, alongside features).",
            "Executed safely, e.g. with tests and incremental rollout, and measured the benefit afterwards.",
        ],
        follow_ups=[
            "What debt did you decide to leave alone, and why?",
            "How did you show the benefit after the work was done?",
            "How do you stop new debt from piling up in the same place?",
        ],
        hints=[
            "Translate the debt into time, money or risk.",
        ],
    ),
    dict(
        id="beh-040",
        title="Realising you would miss a deadline",
        prompt="Tell me about a time you committed to a deadline and then realised you were going to miss it. What did you do?",
        skills=["Ownership", "Communication", "Time Management"],
        difficulty="medium",
        strong_answer=[
            "Explains how and when they realised the deadline was at risk.",
            "Communicated early to the people depending on it, with a revised, realistic estimate.",
            "Offered options: reduced scope, extra help, or a phased delivery.",
            "Delivered against the revised plan and analyses why the estimate was wrong.",
        ],
        follow_ups=[
            "What made the original estimate wrong?",
            "What did you cut, and who agreed to it?",
            "How do you estimate differently now?",
        ],
        hints=[
            "How early you raised the flag is a key part of this answer.",
        ],
    ),
    dict(
        id="beh-041",
        title="Requirements changing late",
        prompt="Describe a time the requirements of a project changed significantly late in the work. How did you and your team adapt?",
        skills=["Adaptability", "Time Management"],
        difficulty="medium",
        strong_answer=[
            "Explains the change, why it happened, and its impact on the plan.",
            "Stayed constructive: understood the reason instead of only resisting it.",
            "Re-planned quickly: identified what could be reused, what to drop, and reset expectations.",
            "Describes how the team was kept motivated through the change.",
            "Mentions what they now do to make work more resilient to change, e.g. earlier validation or modular design.",
        ],
        follow_ups=[
            "Could the change have been anticipated earlier?",
            "How much of the earlier work was wasted, and how did the team feel about it?",
        ],
        hints=[
            "Show how quickly you moved from reacting to re-planning.",
        ],
    ),
    dict(
        id="beh-042",
        title="Learning something new fast",
        prompt="Tell me about a time you had to learn an unfamiliar technology, tool or domain quickly to get something done.",
        skills=["Adaptability"],
        difficulty="easy",
        strong_answer=[
            "Sets the context: what had to be learned and how little time there was.",
            "Describes a deliberate learning strategy: official docs, a small throwaway project, finding an expert, learning just enough.",
            "Shows how they managed risk from inexperience, e.g. extra reviews or tests.",
            "Reports the outcome and how deep their knowledge went afterwards.",
        ],
        follow_ups=[
            "What did you get wrong at first because you were new to it?",
            "How do you decide how deep to go when learning something under time pressure?",
        ],
        hints=[
            "Describe your learning method step by step.",
        ],
    ),
    dict(
        id="beh-043",
        title="Adapting to a reorganisation",
        prompt="Tell me about a time your team, manager or company direction changed significantly. How did you handle the change?",
        skills=["Adaptability", "Teamwork"],
        difficulty="medium",
        strong_answer=[
            "Describes the change and its personal and team impact honestly.",
            "Sought clarity proactively on new priorities and expectations.",
            "Helped others through the transition, e.g. documenting hand-overs or supporting new teammates.",
            "Found an opportunity in the change and describes the result.",
        ],
        follow_ups=[
            "What did you find hardest about the change?",
            "Did you disagree with any part of it? What did you do?",
        ],
        hints=[
            "Balance honesty about the difficulty with what you actively did.",
        ],
    ),
    dict(
        id="beh-044",
        title="When the plan failed",
        prompt="Tell me about a time your original plan clearly was not working. How did you recognise it and what did you change?",
        skills=["Adaptability", "Problem Solving"],
        difficulty="medium",
        strong_answer=[
            "Describes the plan and the signals that it was failing.",
            "Shows they reacted to evidence rather than pushing on out of pride or sunk cost.",
            "Explains how the new approach was chosen and communicated.",
            "Reports the outcome of the pivot and what they learned about planning.",
        ],
        follow_ups=[
            "What signal made you finally change course?",
            "How did you explain the pivot to others?",
            "What would you check earlier next time?",
        ],
        hints=[
            "Mention how you dealt with the work already sunk into the first plan.",
        ],
    ),
    dict(
        id="beh-045",
        title="Working with an ambiguous goal",
        prompt="Describe a time you were given a vague goal with little direction, such as 'improve performance' or 'make onboarding better'. How did you turn it into concrete work?",
        skills=["Adaptability", "Ownership"],
        difficulty="hard",
        strong_answer=[
            "Clarified the goal by talking to stakeholders and users and finding what success would look like.",
            "Defined measurable targets and a baseline.",
            "Broke the work into experiments or milestones and prioritised by expected impact.",
            "Checked progress with stakeholders and adjusted as understanding improved.",
            "Reports the measured result and how the definition of the goal evolved.",
        ],
        follow_ups=[
            "How did you decide what success meant?",
            "What did you choose not to do?",
            "What did stakeholders disagree about, and how did you settle it?",
        ],
        hints=[
            "Talk about the metric you defined and how you measured the starting point.",
        ],
    ),
    dict(
        id="beh-046",
        title="Changing your mind",
        prompt="Tell me about a time you held a strong opinion and changed your mind because of new information or someone else's argument.",
        skills=["Adaptability", "Communication"],
        difficulty="medium",
        strong_answer=[
            "States the original opinion and why they held it.",
            "Describes the new information or argument and engages with it seriously.",
            "Changed position openly and gave credit to the person who changed their mind.",
            "Describes the result of the changed decision.",
        ],
        follow_ups=[
            "How did you tell the people you had been arguing with?",
            "How do you tell the difference between being open-minded and being easily swayed?",
        ],
        hints=[
            "Make it clear that your original view was strongly held.",
        ],
    ),
    dict(
        id="beh-047",
        title="Going beyond for a customer",
        prompt="Tell me about a time you went out of your way to help a customer or user. What did you do, and why?",
        skills=["Customer Focus"],
        difficulty="easy",
        strong_answer=[
            "Describes the customer's problem and its impact on them specifically.",
            "Explains what they did beyond the normal process and why it was the right call.",
            "Shows they considered the cost and did not create an unsustainable precedent.",
            "Reports the customer outcome and any product or process improvement that followed.",
        ],
        follow_ups=[
            "How did you decide it was worth the extra effort?",
            "Did the fix help other customers too?",
        ],
        hints=[
            "Describe the customer's situation from their point of view.",
        ],
    ),
    dict(
        id="beh-048",
        title="Pushing back on a customer request",
        prompt="Describe a time a customer asked for something you believed was not in their best interest. How did you handle it?",
        skills=["Customer Focus", "Communication"],
        difficulty="hard",
        strong_answer=[
            "Dug into the underlying problem the customer was trying to solve.",
            "Explained the concern with evidence and respect, from the customer's perspective.",
            "Offered an alternative that addressed the real need.",
            "Respected the customer's final decision where appropriate, and describes the outcome and relationship afterwards.",
        ],
        follow_ups=[
            "What if the customer had insisted?",
            "How did you make sure you were not just protecting your own team's convenience?",
            "What did you learn about the customer's actual problem?",
        ],
        hints=[
            "Separate what the customer asked for from what they needed.",
        ],
    ),
    dict(
        id="beh-049",
        title="Changing the product based on user feedback",
        prompt="Tell me about a time feedback from users or customers changed what you built.",
        skills=["Customer Focus", "Problem Solving"],
        difficulty="medium",
        strong_answer=[
            "Describes how the feedback was gathered: interviews, support tickets, usage data.",
            "Separated signal from noise, e.g. how many users, which segment, how severe.",
            "Explains the change made and the trade-offs against the original plan.",
            "Measures the effect after shipping and closes the loop with the users.",
        ],
        follow_ups=[
            "What feedback did you decide not to act on?",
            "How did you confirm the change actually helped?",
        ],
        hints=[
            "Mention how many users were behind the feedback, not just one loud voice.",
        ],
    ),
    dict(
        id="beh-050",
        title="Customer needs versus technical constraints",
        prompt="Tell me about a time what a customer needed conflicted with technical constraints or quality standards. How did you balance the two?",
        skills=["Customer Focus", "Conflict Resolution"],
        difficulty="hard",
        strong_answer=[
            "Describes both sides concretely: the customer's need and deadline, and the technical risk.",
            "Looked for creative middle ground, e.g. a phased delivery, a limited version, or a temporary workaround with a clean-up plan.",
            "Made the trade-off explicit to decision-makers, including the long-term cost.",
            "Followed through on any shortcut's clean-up.",
            "Reports the outcome for the customer and the codebase.",
        ],
        follow_ups=[
            "What shortcuts did you refuse to take, and why?",
            "Did the clean-up actually happen?",
            "How did you explain the technical risk to the customer side?",
        ],
        hints=[
            "Interviewers look for a solution that did not simply sacrifice one side.",
        ],
    ),
    dict(
        id="beh-051",
        title="Handling an upset user",
        prompt="Describe a time you dealt with an upset or frustrated customer or user. What did you do, and how did it end?",
        skills=["Customer Focus", "Conflict Resolution"],
        difficulty="medium",
        strong_answer=[
            "Listened and acknowledged the frustration before jumping to solutions.",
            "Found the actual problem and owned what was within their control.",
            "Set clear, honest expectations about what would happen and when, then delivered.",
            "Turned the incident into an improvement for other users.",
        ],
        follow_ups=[
            "What did you say in the first few minutes?",
            "Was the customer right? How did that affect your response?",
        ],
        hints=[
            "Show how you moved the conversation from emotion to a concrete next step.",
        ],
    ),
    dict(
        id="beh-052",
        title="Serving internal customers",
        prompt="Tell me about a time you improved things for an internal customer, such as another team that uses your service, API or tools.",
        skills=["Customer Focus", "Teamwork"],
        difficulty="medium",
        strong_answer=[
            "Treated the internal team as customers: found out their pain points directly.",
            "Prioritised improvements by their impact on the other team's work.",
            "Describes the change (documentation, API ergonomics, reliability, support process).",
            "Measures the outcome, e.g. fewer support requests, faster integration, better feedback.",
        ],
        follow_ups=[
            "How did you find out what they actually needed?",
            "How did you balance their requests against your own team's roadmap?",
        ],
        hints=[
            "Describe how you collected their feedback.",
        ],
    ),
    dict(
        id="beh-053",
        title="Users doing something unexpected",
        prompt="Tell me about a time you discovered users were using your product or feature in a way you did not expect. What did you do with that discovery?",
        skills=["Customer Focus", "Adaptability"],
        difficulty="medium",
        strong_answer=[
            "Describes how the unexpected usage was discovered (data, support, observation).",
            "Investigated why users behaved that way instead of dismissing it as misuse.",
            "Adapted the product, supporting the new use case, redesigning, or guiding users, with reasoning.",
            "Reports the outcome and what it taught them about understanding users.",
        ],
        follow_ups=[
            "Did supporting the unexpected use create any risk?",
            "How do you look for this kind of signal now?",
        ],
        hints=[
            "Explain what need the unexpected usage revealed.",
        ],
    ),
    dict(
        id="beh-054",
        title="Juggling several deadlines",
        prompt="Tell me about a time you had several deadlines landing at the same time. How did you organise yourself?",
        skills=["Time Management"],
        difficulty="easy",
        strong_answer=[
            "Lists the competing tasks and their real deadlines and importance.",
            "Describes a concrete prioritisation method and planning, e.g. ranking by impact and urgency, time-blocking.",
            "Communicated proactively where something had to slip.",
            "Reports the outcome and a habit they kept from it.",
        ],
        follow_ups=[
            "What did you drop or delay, and how did you decide?",
            "How did you protect focused time?",
        ],
        hints=[
            "Name the method you used to decide the order.",
        ],
    ),
    dict(
        id="beh-055",
        title="When everything is urgent",
        prompt="Describe a situation where you were told everything was top priority. How did you decide what to work on?",
        skills=["Time Management", "Problem Solving"],
        difficulty="medium",
        strong_answer=[
            "Clarified priorities with the people asking rather than guessing.",
            "Used explicit criteria such as customer impact, deadlines and dependencies to rank the work.",
            "Made the ranking visible and got agreement on it.",
            "Reports the outcome and how the situation was prevented from repeating.",
        ],
        follow_ups=[
            "Who disagreed with your ranking?",
            "How did you say no or 'not yet' to the lower-priority items?",
        ],
        hints=[
            "Explain how you got others to agree to the order, not just how you chose it.",
        ],
    ),
    dict(
        id="beh-056",
        title="Protecting focus by declining work",
        prompt="Tell me about a time you declined or deferred a request so you could focus on something more important. How did you communicate it?",
        skills=["Time Management", "Communication"],
        difficulty="medium",
        strong_answer=[
            "Explains the competing commitment and why it mattered more.",
            "Communicated the 'no' or 'later' clearly and kindly, with a reason and, where possible, an alternative or a date.",
            "Checked that the requester was not left stuck.",
            "Reports the outcome for both pieces of work.",
        ],
        follow_ups=[
            "Did the person accept it easily? What if they had escalated?",
            "How often do you decline requests, and how do you decide?",
        ],
        hints=[
            "Show the alternative you offered along with the 'no'.",
        ],
    ),
    dict(
        id="beh-057",
        title="A bad estimate",
        prompt="Tell me about a time your estimate for a piece of work was badly wrong. What happened and what did you change?",
        skills=["Time Management", "Ownership"],
        difficulty="medium",
        strong_answer=[
            "Describes the estimate, the real duration, and the impact of the gap.",
            "Analyses the causes honestly: unknowns, integration, interruptions, optimism.",
            "Explains how the miss was communicated while it was happening.",
            "Names specific changes to estimation, e.g. spikes for unknowns, ranges instead of single numbers, tracking actuals.",
        ],
        follow_ups=[
            "How do you estimate work you have never done before?",
            "How do you communicate uncertainty in an estimate?",
        ],
        hints=[
            "Give the numbers: what you estimated and how long it actually took.",
        ],
    ),
    dict(
        id="beh-058",
        title="Delivering under a very tight deadline",
        prompt="Describe a time you had to deliver something important on a very tight deadline. What trade-offs did you make?",
        skills=["Time Management", "Customer Focus"],
        difficulty="hard",
        strong_answer=[
            "Explains why the deadline was fixed and what was at stake for the customer or business.",
            "Identified the minimum that truly had to ship and cut or deferred the rest explicitly.",
            "Protected quality where it mattered most (data integrity, security) and names what was consciously compromised.",
            "Organised the work (parallelism, removing blockers) and kept stakeholders informed.",
            "Reports the result and how the deferred items and shortcuts were handled afterwards.",
        ],
        follow_ups=[
            "What did you refuse to cut, and why?",
            "What happened to the shortcuts afterwards?",
            "Would you make the same trade-offs again?",
        ],
        hints=[
            "Be explicit about what was cut and who agreed.",
        ],
    ),
    dict(
        id="beh-059",
        title="Interruptions versus planned work",
        prompt="Tell me how you handled a period where interruptions, such as support requests or on-call duties, kept pulling you away from your planned work.",
        skills=["Time Management", "Adaptability"],
        difficulty="easy",
        strong_answer=[
            "Quantifies the interruptions and their impact on planned work.",
            "Describes tactics: batching, a rotation, office hours, better self-service documentation.",
            "Fixed recurring causes of interruptions rather than only coping.",
            "Reports the improvement in both responsiveness and planned delivery.",
        ],
        follow_ups=[
            "Which interruptions did you eliminate entirely?",
            "How did you handle truly urgent ones?",
        ],
        hints=[
            "Show that you reduced the interruptions, not only that you tolerated them.",
        ],
    ),
    dict(
        id="beh-060",
        title="Mentoring a junior engineer",
        prompt="Tell me about someone less experienced that you mentored. What did you focus on, and how did they grow?",
        skills=["Mentoring"],
        difficulty="easy",
        strong_answer=[
            "Describes the mentee's starting point and goals, identified together.",
            "Explains the approach: regular sessions, stretch tasks, code review as teaching, letting them struggle productively.",
            "Adapted the style to the person's needs.",
            "Describes concrete growth with examples, such as leading a feature alone.",
        ],
        follow_ups=[
            "What did you find hardest about mentoring them?",
            "How did you know when to give the answer and when to let them work it out?",
            "What did you learn from them?",
        ],
        hints=[
            "Name a specific change you saw in the person.",
        ],
    ),
    dict(
        id="beh-061",
        title="Onboarding a new teammate",
        prompt="Describe how you helped a new person get productive on your team. What did you do, and what would you improve?",
        skills=["Mentoring", "Teamwork"],
        difficulty="easy",
        strong_answer=[
            "Planned the onboarding: environment setup, starter tasks of increasing difficulty, key people to meet.",
            "Made themselves available while encouraging independence.",
            "Improved onboarding material based on the newcomer's questions.",
            "Reports how quickly the person became productive and their feedback.",
        ],
        follow_ups=[
            "What was the first task you gave them, and why?",
            "What did their questions reveal about your team's documentation?",
        ],
        hints=[
            "Mention something you fixed in the onboarding process as a result.",
        ],
    ),
    dict(
        id="beh-062",
        title="Difficult feedback to a mentee",
        prompt="Tell me about a time you had to give difficult or unwelcome feedback to someone you were mentoring or supporting. How did you approach it?",
        skills=["Mentoring", "Communication"],
        difficulty="hard",
        strong_answer=[
            "Prepared specific observations and their impact, not general judgements.",
            "Chose timing and setting carefully, private and soon after the event.",
            "Delivered it directly but with care, and listened to the person's perspective.",
            "Agreed on concrete next steps and supported them afterwards.",
            "Describes how the person responded over time.",
        ],
        follow_ups=[
            "How did they react in the moment?",
            "What would you do if the feedback had no effect?",
            "How do you give feedback to someone more senior than you?",
        ],
        hints=[
            "Use a specific example: behaviour, impact, and the change you asked for.",
        ],
    ),
    dict(
        id="beh-063",
        title="Growing someone into a bigger role",
        prompt="Tell me about a time you helped someone grow into a bigger role, such as a promotion, leading a project or a new specialisation.",
        skills=["Mentoring", "Leadership"],
        difficulty="hard",
        strong_answer=[
            "Identified the person's potential and aspirations through conversation.",
            "Created real opportunities: stretch assignments, visibility, gradually handing over responsibility.",
            "Provided support and feedback, and let them own the results, including mistakes.",
            "Advocated for them with decision-makers.",
            "Describes the outcome and what it meant for the team.",
        ],
        follow_ups=[
            "What was the hardest responsibility to hand over?",
            "How did you advocate for them?",
            "Has it ever not worked out? What happened?",
        ],
        hints=[
            "Show what you gave up or handed over to create the opportunity.",
        ],
    ),
    dict(
        id="beh-064",
        title="Teaching a group",
        prompt="Tell me about a time you taught a skill or shared knowledge with a group, such as a workshop, a talk or a series of sessions.",
        skills=["Mentoring", "Communication"],
        difficulty="medium",
        strong_answer=[
            "Explains the knowledge gap and why it mattered to the team.",
            "Designed the session for the audience: hands-on exercises, real examples from their codebase.",
            "Collected feedback and adjusted.",
            "Measures the impact, e.g. fewer related questions or bugs, more people able to do the task.",
        ],
        follow_ups=[
            "How did you handle people at very different levels in the same session?",
            "What would you change if you ran it again?",
        ],
        hints=[
            "Describe one exercise or example you used.",
        ],
    ),
    dict(
        id="beh-065",
        title="When a mentee disagreed with you",
        prompt="Describe a time someone you were mentoring disagreed with your advice or did things differently. What happened?",
        skills=["Mentoring", "Adaptability"],
        difficulty="medium",
        strong_answer=[
            "Describes the advice and the mentee's alternative view.",
            "Listened genuinely and considered that the mentee might be right.",
            "Let them try their approach where the risk was acceptable, supporting rather than overruling.",
            "Reflects on the outcome and what they learned as a mentor.",
        ],
        follow_ups=[
            "When would you insist on your advice instead?",
            "What did this teach you about your mentoring style?",
        ],
        hints=[
            "It is a strong answer if the mentee turned out to be right.",
        ],
    ),
    dict(
        id="beh-066",
        title="Raising the team's quality bar",
        prompt="Tell me about a time you raised the quality standards of your team, for example around testing, code review or documentation.",
        skills=["Mentoring", "Leadership", "Ownership"],
        difficulty="medium",
        strong_answer=[
            "Identifies the quality problem with evidence (escaped bugs, slow reviews, unclear code).",
            "Led by example and explained the 'why' rather than imposing rules.",
            "Made the standard easy to follow: templates, automation, linters, examples.",
            "Brought the team along through discussion and adjusted based on feedback.",
            "Shows measurable improvement and that it lasted.",
        ],
        follow_ups=[
            "Who pushed back, and how did you respond?",
            "How did you keep the new standard from slowing delivery too much?",
        ],
        hints=[
            "Explain how you made the new standard easy to meet.",
        ],
    ),
    dict(
        id="beh-067",
        title="A failure you learned from",
        prompt="Tell me about a project or effort that failed. What was your part in it and what did you take away?",
        skills=["Ownership", "Adaptability"],
        difficulty="medium",
        strong_answer=[
            "Describes a genuine failure with clear stakes.",
            "Explains their own contribution to the failure honestly, alongside external factors.",
            "Describes what they did at the time to limit the damage.",
            "Names specific, applied lessons with an example of using them later.",
        ],
        follow_ups=[
            "What would you do differently if you started again tomorrow?",
            "How did you talk about the failure with your team?",
        ],
        hints=[
            "Show a later situation where you applied the lesson.",
        ],
    ),
    dict(
        id="beh-068",
        title="Doing the right thing under pressure",
        prompt="Tell me about a time you were under pressure to cut a corner that could hurt users, such as on privacy, security or honesty. What did you do?",
        skills=["Ownership", "Customer Focus", "Communication"],
        difficulty="hard",
        strong_answer=[
            "Describes the pressure and the specific risk to users clearly.",
            "Raised the concern through appropriate channels, with facts rather than accusations.",
            "Proposed a way to meet the underlying goal without the harmful shortcut.",
            "Describes the outcome honestly, including any personal cost.",
            "Reflects on how the situation could be prevented, e.g. a review step or policy.",
        ],
        follow_ups=[
            "What would you have done if you had been overruled?",
            "How did you make sure you had your facts right before raising it?",
            "How did this affect your standing on the team?",
        ],
        hints=[
            "Focus on what you actually did, not on general principles.",
        ],
    ),
]


# ---------------------------------------------------------------------------
# System design questions
# ---------------------------------------------------------------------------
# Skills: System Design, Scalability, Databases, APIs, Caching, Reliability.

SYSTEM_DESIGN = [
    dict(
        id="sd-001",
        title="Link shortener",
        prompt="Design a service that turns long URLs into short links and redirects visitors from the short link to the original URL. Assume 100 million new links per month and roughly 100 reads for every write. Links may have an optional expiry date and owners want click counts.",
        skills=["System Design", "Scalability", "Databases"],
        difficulty="medium",
        strong_answer=[
            "Clarifies requirements and estimates: writes/s, reads/s, storage over five years, key length needed (e.g. 7 base62 characters).",
            "Chooses a key-generation scheme and discusses collisions: counter ranges handed to servers, random keys with a uniqueness check, or hashing.",
            "Picks a key-value store keyed by short code, with replication, and explains why joins are not needed.",
            "Serves redirects from a cache (hot links are highly skewed), discusses 301 versus 302 and its effect on analytics.",
            "Counts clicks asynchronously through a queue or log and aggregates them, instead of writing on every redirect.",
        ],
        follow_ups=[
            "How would you stop people from using the service to spread malicious links?",
            "How do you support custom aliases without conflicting with generated keys?",
            "How do expired links get cleaned up?",
        ],
        hints=[
            "Start with the read/write ratio and how large the key space must be.",
            "Think about where the clicks get counted so redirects stay fast.",
        ],
    ),
    dict(
        id="sd-002",
        title="API rate limiter",
        prompt="Design a rate limiter for a public API used by many clients. Each API key gets a limit such as 1,000 requests per minute, the API runs on dozens of servers behind a load balancer, and clients must be told when they are throttled.",
        skills=["System Design", "APIs", "Reliability"],
        difficulty="medium",
        strong_answer=[
            "Compares algorithms (fixed window, sliding log, sliding window counter, token bucket) and picks one with reasons such as burst handling and memory.",
            "Shares state across servers with a fast central store (e.g. an in-memory store with atomic increments or scripts) and discusses the latency cost.",
            "Handles failure of the limiter store explicitly: fail open or fail closed per endpoint, with reasoning.",
            "Communicates limits through the API: HTTP 429, Retry-After and remaining-quota headers.",
            "Considers approximations such as local counters synced periodically to reduce central load, and their accuracy trade-off.",
        ],
        follow_ups=[
            "How would you support different limits per endpoint or per pricing tier?",
            "What changes if the API runs in several regions?",
            "How do you avoid race conditions when two servers update the same counter?",
        ],
        hints=[
            "Decide first which algorithm you use and why, then where its state lives.",
            "Ask yourself what happens to traffic if the counter store goes down.",
        ],
    ),
    dict(
        id="sd-003",
        title="Notification delivery service",
        prompt="Design a service that other teams call to send notifications to users by email, mobile push and SMS. It must handle 50 million notifications per day, respect user preferences and quiet hours, and never send the same notification twice in a way the user would notice.",
        skills=["System Design", "Reliability", "Scalability"],
        difficulty="medium",
        strong_answer=[
            "Defines an API that accepts a notification request with an idempotency key, and validates it against user preferences.",
            "Decouples intake from delivery with queues per channel, so a slow SMS provider does not block email.",
            "Handles retries with exponential backoff, dead-letter queues and provider failover.",
            "Deduplicates using the idempotency key and delivery records; explains at-least-once delivery plus dedup.",
            "Covers scheduling (quiet hours, time zones), rate limits per user, templates, and tracking delivery status.",
        ],
        follow_ups=[
            "How do you prioritise a password-reset email over a marketing campaign?",
            "What happens if a third-party provider is down for an hour?",
            "How would you let users see their notification history?",
        ],
        hints=[
            "Think about which parts must be synchronous and which can be queued.",
            "Exactly-once delivery over external providers is impossible; explain what you do instead.",
        ],
    ),
    dict(
        id="sd-004",
        title="Chat messaging",
        prompt="Design a chat application supporting one-to-one and group conversations of up to 500 members, with online presence, delivery and read receipts, and message history across devices. Assume 50 million daily active users.",
        skills=["System Design", "Scalability", "Databases"],
        difficulty="hard",
        strong_answer=[
            "Uses persistent connections (WebSockets) to gateway servers, with a registry mapping users to gateways for routing.",
            "Assigns message ordering per conversation (sequence numbers from the conversation's owner shard) and explains why global ordering is unnecessary.",
            "Stores messages in a store partitioned by conversation id and sorted by time, supporting pagination of history.",
            "Handles offline users with stored messages and push notifications; devices sync from their last seen sequence number.",
            "Discusses group fan-out, presence as a lossy high-volume signal, and receipts as aggregated state.",
        ],
        follow_ups=[
            "How do you guarantee a message is not lost if a gateway crashes mid-send?",
            "How would end-to-end encryption change your design?",
            "How do you keep presence updates from overwhelming the system?",
        ],
        hints=[
            "Start with how a message gets from sender to an online recipient.",
            "Consider what ordering guarantees users actually need.",
        ],
    ),
    dict(
        id="sd-005",
        title="Social news feed",
        prompt="Design the home feed for a social app where users follow others and see recent posts from people they follow, newest or best first. Some accounts have tens of millions of followers. Target: feed loads in under 200 ms.",
        skills=["System Design", "Caching", "Scalability"],
        difficulty="hard",
        strong_answer=[
            "Compares fan-out on write (precomputed feeds) with fan-out on read, and proposes a hybrid for celebrity accounts.",
            "Stores precomputed feeds as lists of post ids in a cache, and hydrates post details from a separate cache or store.",
            "Handles pagination with cursors rather than offsets.",
            "Discusses ranking as a separate stage and the cost of recomputing it.",
            "Covers deletes and privacy changes propagating to precomputed feeds, and cache eviction for inactive users.",
        ],
        follow_ups=[
            "What happens to the feed when a user unfollows someone?",
            "How would you rebuild feeds after a cache cluster is lost?",
            "How do you handle a user who follows 10,000 accounts?",
        ],
        hints=[
            "The key decision is when the feed gets assembled: at post time or at read time.",
            "Treat very popular accounts as a special case.",
        ],
    ),
    dict(
        id="sd-006",
        title="Distributed in-memory cache",
        prompt="Design a distributed in-memory key-value cache that several services share. It should hold a few terabytes in total, serve millions of reads per second with sub-millisecond latency, and keep working when individual nodes fail.",
        skills=["Caching", "System Design", "Reliability"],
        difficulty="hard",
        strong_answer=[
            "Partitions keys with consistent hashing (with virtual nodes) and explains how it limits data movement when nodes join or leave.",
            "Chooses an eviction policy (LRU or an approximation) and TTL support, and discusses memory overhead per entry.",
            "Adds replication for availability and states the consistency guarantees clients can expect.",
            "Discusses hot keys (local caching, key replication) and thundering herds on misses (request coalescing).",
            "Explains the cache-aside pattern and how invalidation works when the source of truth changes.",
        ],
        follow_ups=[
            "How does a client find the right node for a key?",
            "What happens to latency when a node fails and its keys move?",
            "How would you warm a new node?",
        ],
        hints=[
            "Begin with how keys are mapped to nodes.",
            "Think about a single key that gets a huge share of the traffic.",
        ],
    ),
    dict(
        id="sd-007",
        title="Search-as-you-type suggestions",
        prompt="Design the autocomplete service for a search box: as the user types, show the top 8 completions ranked by popularity, within 50 ms. Queries come from hundreds of millions of users; popularity should reflect the last few days.",
        skills=["System Design", "Caching", "Scalability"],
        difficulty="medium",
        strong_answer=[
            "Proposes a prefix structure (trie or sorted prefix table) with the top-k completions precomputed per prefix.",
            "Builds the structure offline from aggregated query logs on a schedule, and swaps it in atomically.",
            "Serves from memory, sharded by prefix, with edge or browser caching for short prefixes.",
            "Reduces load on the client side with debouncing and by reusing results for longer prefixes.",
            "Covers filtering of offensive or sensitive suggestions and personalisation as an optional layer.",
        ],
        follow_ups=[
            "How would you make a sudden trending query appear within minutes?",
            "How do you support multiple languages?",
            "What happens if the data build fails one day?",
        ],
        hints=[
            "Precomputing answers per prefix trades memory for speed.",
        ],
    ),
    dict(
        id="sd-008",
        title="Metrics ingestion and dashboards",
        prompt="Design a system that collects metrics (counters, gauges, latency histograms) from 100,000 servers every 10 seconds and lets engineers query and chart them over the last 30 days, with alerts on thresholds.",
        skills=["System Design", "Scalability", "Databases"],
        difficulty="hard",
        strong_answer=[
            "Estimates the ingestion rate and storage and picks a time-series store with compression suited to it.",
            "Uses a buffered ingestion pipeline (agents, a durable log, consumers) so spikes do not drop data.",
            "Downsamples older data into coarser rollups and explains the retention policy.",
            "Controls cardinality: label limits and the cost of unbounded tags.",
            "Runs alert evaluation as a separate component with its own reliability, avoiding alerts failing silently.",
        ],
        follow_ups=[
            "How do you aggregate latency percentiles across servers correctly?",
            "What happens when someone adds a label with a user id?",
            "How do you monitor the monitoring system?",
        ],
        hints=[
            "Compute the number of data points per second first.",
            "Percentiles cannot simply be averaged; think about histograms.",
        ],
    ),
    dict(
        id="sd-009",
        title="Wallet and payments ledger",
        prompt="Design the backend for an in-app wallet: users top up with a card, pay merchants, and transfer money to each other. Balances must never be wrong, and an operation retried by a client must never be applied twice.",
        skills=["Databases", "Reliability", "APIs"],
        difficulty="hard",
        strong_answer=[
            "Models money with a double-entry, append-only ledger; balances are derived or maintained transactionally from entries.",
            "Uses idempotency keys on every mutating API call, stored with the result so retries return the original outcome.",
            "Uses database transactions with the right isolation (or conditional updates) to prevent overdrafts and lost updates.",
            "Handles external card processors with a state machine (pending, succeeded, failed), webhooks and reconciliation jobs.",
            "Covers auditing, stores amounts as integer minor units, and discusses partitioning once one database is not enough.",
        ],
        follow_ups=[
            "How do you transfer money between users whose accounts live on different shards?",
            "What do you do if the card processor charged the card but your system timed out?",
            "How would you detect a bug that makes balances drift?",
        ],
        hints=[
            "Think about accounting: every movement has two sides.",
            "Ask what happens when a client retries after a timeout.",
        ],
    ),
    dict(
        id="sd-010",
        title="Distributed job scheduler",
        prompt="Design a service that runs scheduled jobs (one-off and cron-style recurring) for many internal teams: millions of jobs, each should start within a few seconds of its scheduled time, and jobs must not be silently skipped or run twice at the same time.",
        skills=["System Design", "Reliability"],
        difficulty="medium",
        strong_answer=[
            "Stores job definitions and next-run times in a durable store indexed by due time.",
            "Uses partitioned schedulers that claim due jobs with leases or conditional updates, so only one worker runs a given occurrence.",
            "Separates scheduling from execution with a queue and a worker pool, with retries and timeouts.",
            "Handles missed runs after outages with an explicit policy (catch up, skip, run once).",
            "Provides APIs for job management, run history and alerting on failures.",
        ],
        follow_ups=[
            "What happens if a worker dies halfway through a job?",
            "How do you handle a job that runs longer than its interval?",
            "How would you scale scheduling for a burst of jobs due at midnight?",
        ],
        hints=[
            "Leases with expiry are a common way to make one worker own a job.",
        ],
    ),
    dict(
        id="sd-011",
        title="File sync and storage",
        prompt="Design a file storage and sync service: users store files up to 10 GB, edit them on several devices, and changes propagate to their other devices. Assume tens of millions of users.",
        skills=["System Design", "Databases", "Scalability"],
        difficulty="hard",
        strong_answer=[
            "Splits files into content-addressed chunks stored in object storage, enabling resumable uploads, deduplication and delta sync.",
            "Keeps file metadata (tree, versions, chunk lists) in a database, separate from blob storage.",
            "Notifies devices of changes through long polling or push and syncs from a per-user change cursor.",
            "Handles conflicting edits from two offline devices, e.g. keeping both as conflict copies.",
            "Covers durability (replication or erasure coding), quotas and sharing permissions.",
        ],
        follow_ups=[
            "How does a device that was offline for a week catch up efficiently?",
            "How would you implement version history and restore?",
            "How do you keep deduplication from leaking information between users?",
        ],
        hints=[
            "Separate metadata from file contents early in your design.",
            "Chunking helps with large files and with small edits.",
        ],
    ),
    dict(
        id="sd-012",
        title="Nearby drivers matching",
        prompt="Design the part of a ride-hailing platform that tracks driver locations and matches a rider to a nearby available driver. Drivers send their location every 4 seconds; there are 1 million active drivers at peak.",
        skills=["System Design", "Databases", "Scalability"],
        difficulty="hard",
        strong_answer=[
            "Estimates the location update rate (about 250,000 per second) and keeps current locations in memory, not in a relational table.",
            "Uses a geospatial index (geohash, quadtree or hexagonal cells) to find candidates near a point, expanding the search when needed.",
            "Shards by geographic region and handles riders and drivers near region borders.",
            "Makes matching safe against double-booking a driver with an atomic reservation step and an offer timeout.",
            "Keeps location history as a separate asynchronous stream for trips and analytics.",
        ],
        follow_ups=[
            "What happens when a popular event ends and thousands of riders request at once?",
            "How do you rank candidates beyond straight-line distance?",
            "How do you handle a driver whose phone stops sending updates?",
        ],
        hints=[
            "Think about how to turn a 2D location into something you can index.",
            "Current location and location history have very different needs.",
        ],
    ),
    dict(
        id="sd-013",
        title="Web crawler",
        prompt="Design a web crawler that fetches about one billion pages per month for a search index, respects robots rules and per-site politeness, and re-crawls pages that change often more frequently.",
        skills=["System Design", "Scalability", "Reliability"],
        difficulty="medium",
        strong_answer=[
            "Describes the pipeline: URL frontier, fetchers, parsers, link extraction, deduplication and storage.",
            "Designs the frontier with per-host queues to enforce politeness and priorities for importance and freshness.",
            "Deduplicates URLs (normalisation, a large seen-set such as a Bloom filter) and content (fingerprints).",
            "Handles traps and failures: depth limits, timeouts, retries, and caching DNS results.",
            "Schedules re-crawls using observed change frequency.",
        ],
        follow_ups=[
            "How do you avoid crawler traps such as infinite calendars?",
            "How do you distribute the frontier across machines while keeping per-host politeness?",
            "What would you store for each fetched page?",
        ],
        hints=[
            "The URL frontier is the heart of the design; spend time on it.",
        ],
    ),
    dict(
        id="sd-014",
        title="Game leaderboard",
        prompt="Design a leaderboard for an online game with 10 million players. Players submit scores after each match; they want to see the top 100 globally, their own rank, and the players ranked just above and below them. Leaderboards reset weekly.",
        skills=["Databases", "Caching", "System Design"],
        difficulty="easy",
        strong_answer=[
            "Uses a sorted-set structure (in-memory sorted sets or a skip list) giving logarithmic updates and rank queries.",
            "Writes scores durably to a database as the source of truth and rebuilds the in-memory ranking from it if lost.",
            "Handles ties with a deterministic tie-breaker such as earliest achievement time.",
            "Implements weekly resets with per-week keys instead of deleting data in place.",
            "Validates submitted scores on the server to limit cheating.",
        ],
        follow_ups=[
            "How would you scale if one sorted set no longer fits on a single machine?",
            "How would you add per-country and friends-only leaderboards?",
        ],
        hints=[
            "Which data structure gives you both 'top N' and 'rank of X' cheaply?",
        ],
    ),
    dict(
        id="sd-015",
        title="Event ticket booking",
        prompt="Design a ticketing system for concerts: when a popular show goes on sale, hundreds of thousands of people try to buy a limited number of seats within minutes. Seats must never be sold twice, and a buyer gets a few minutes to pay after choosing seats.",
        skills=["Databases", "Reliability", "APIs"],
        difficulty="medium",
        strong_answer=[
            "Models seat holds with an expiry: a seat goes from available to held to sold, with atomic conditional updates or row locks preventing double holds.",
            "Releases expired holds reliably, e.g. by checking expiry on read plus a background sweeper.",
            "Protects the system during on-sale spikes with a virtual waiting room or queue and rate limiting.",
            "Makes payment confirmation idempotent and handles payment success after hold expiry.",
            "Serves the seat map from a cache that may be slightly stale, while the final check is done in the database.",
        ],
        follow_ups=[
            "What happens if payment succeeds just after the hold expired?",
            "How do you stop bots from holding all the seats?",
            "How would you shard the data for a stadium show versus many small shows?",
        ],
        hints=[
            "Focus on the state changes of a single seat first.",
            "Think about fairness when demand is far higher than supply.",
        ],
    ),
    dict(
        id="sd-016",
        title="Public API for a task manager",
        prompt="Design the public HTTP API for a task-management app (projects, tasks, comments, assignees) that third-party developers will build integrations on. Focus on the API itself: resources, operations, pagination, errors, versioning and how integrations learn about changes.",
        skills=["APIs", "System Design"],
        difficulty="easy",
        strong_answer=[
            "Defines clear resources and endpoints with consistent naming and HTTP methods, including partial updates.",
            "Uses cursor-based pagination with stable ordering, plus filtering and sorting parameters.",
            "Specifies consistent error responses with machine-readable codes and appropriate status codes.",
            "Covers authentication and authorisation (OAuth scopes), rate limits and idempotency keys for creates.",
            "Plans versioning and deprecation, and offers webhooks (with signatures and retries) so integrations do not need to poll.",
        ],
        follow_ups=[
            "How would you let a client fetch a task together with its comments in one call?",
            "How do you make a breaking change without breaking existing integrations?",
            "How do webhook consumers verify a request really came from you?",
        ],
        hints=[
            "Think about what a third-party developer needs on day one, and what they need two years later.",
        ],
    ),
]


# ---------------------------------------------------------------------------
# Coding problems
# ---------------------------------------------------------------------------
# Compact schema (expanded by coding_record):
#   entry / params / doc      Python entry point, parameter list, docstring
#   solution                  Python reference solution
#   js=dict(entry, solution)  optional JavaScript (same parameters, camelCase)
#   cpp=dict(entry, params=[(type, name)], returns, solution)   optional C++
#   visible / hidden          lists of (args, expected)
#   case_options              extra keys for every case (tolerance, unordered)
#   script                    optional Python `def check(candidate):` block
# Skills: Python (only when Python-specific), Algorithms, Data Structures,
# Strings, Math, Recursion, Dynamic Programming, Graphs, Sorting,
# Hash Tables, Problem Solving, Complexity Analysis.

CODING = [
    # ----------------------------------------------------------------- easy
    dict(
        id="code-001",
        title="Ridge Peaks",
        difficulty="easy",
        skills=["Algorithms"],
        prompt=text("""
            A hiking app stores a trail as a list of altitude samples. A sample is a
            peak when it is strictly higher than both of its neighbours. The first and
            last samples have only one neighbour and are never peaks.

            Write `count_peaks(heights)` that returns the number of peaks.

            Example 1:
              Input:  heights = [1, 3, 2, 4, 1]
              Output: 2            (3 and 4 are peaks)

            Example 2:
              Input:  heights = [1, 2, 2, 1]
              Output: 0            (a flat top is not strictly higher than its neighbour)

            Constraints:
              0 <= len(heights) <= 10^5
              -10^9 <= heights[i] <= 10^9
        """),
        hints=[
            "Only indices 1 through len(heights) - 2 can be peaks.",
            "For each such index compare the value with the one before and the one after.",
            "Loop i from 1 to n - 2 and count heights[i] > heights[i-1] and heights[i] > heights[i+1].",
        ],
        follow_ups=[
            "What is the time and space complexity of your solution?",
            "How would you change it if a flat top of equal values should count as one peak?",
            "Can you return the indices of the peaks instead of the count?",
        ],
        entry="count_peaks",
        params="heights",
        doc="Return how many samples are strictly higher than both neighbours.",
        solution=code(r'''
            def count_peaks(heights):
                count = 0
                for i in range(1, len(heights) - 1):
                    if heights[i] > heights[i - 1] and heights[i] > heights[i + 1]:
                        count += 1
                return count
        '''),
        js=dict(entry="countPeaks", solution=code(r'''
            function countPeaks(heights) {
              let count = 0;
              for (let i = 1; i < heights.length - 1; i++) {
                if (heights[i] > heights[i - 1] && heights[i] > heights[i + 1]) count++;
              }
              return count;
            }
        ''')),
        cpp=dict(entry="countPeaks", params=[("vector<int>", "heights")], returns="int", solution=code(r'''
            #include <vector>
            using namespace std;

            int countPeaks(vector<int> heights) {
                int count = 0;
                for (size_t i = 1; i + 1 < heights.size(); ++i) {
                    if (heights[i] > heights[i - 1] && heights[i] > heights[i + 1]) ++count;
                }
                return count;
            }
        ''')),
        visible=[
            ([[1, 3, 2, 4, 1]], 2),
            ([[5, 4, 3, 2]], 0),
            ([[1, 2, 2, 1]], 0),
        ],
        hidden=[
            ([[]], 0),
            ([[7]], 0),
            ([[1, 2]], 0),
            ([[-3, -1, -5, -2, -4]], 2),
            ([[0, 1000000000, 0, 1000000000, 0]], 2),
            ([[2, 1, 2, 1, 2, 1, 2]], 2),
        ],
    ),
    dict(
        id="code-002",
        title="Bracket Balance",
        difficulty="easy",
        skills=["Strings", "Data Structures"],
        prompt=text("""
            A configuration linter must check that brackets in a line are balanced. The
            line may contain the bracket pairs (), [] and {} mixed with any other
            characters, which are ignored. Brackets are balanced when every opening
            bracket is closed by the matching closing bracket in the correct order.

            Write `is_balanced(s)` that returns True if the brackets in `s` are balanced
            and False otherwise. A string with no brackets is balanced.

            Example 1:
              Input:  s = "f(a[1]) {x}"
              Output: True

            Example 2:
              Input:  s = "(]"
              Output: False

            Constraints:
              0 <= len(s) <= 10^5
        """),
        hints=[
            "The most recently opened bracket must be the first one to close.",
            "A stack of opening brackets captures 'most recent first'.",
            "Push on an opening bracket; on a closing one, pop and check it matches. At the end the stack must be empty.",
        ],
        follow_ups=[
            "What is the space complexity in the worst case, and which input causes it?",
            "How would you report the position of the first error?",
            "How would you handle brackets inside quoted strings that should be ignored?",
        ],
        entry="is_balanced",
        params="s",
        doc="Return True if the (), [] and {} brackets in s are balanced.",
        solution=code(r'''
            def is_balanced(s):
                pairs = {")": "(", "]": "[", "}": "{"}
                stack = []
                for ch in s:
                    if ch in "([{":
                        stack.append(ch)
                    elif ch in pairs:
                        if not stack or stack.pop() != pairs[ch]:
                            return False
                return not stack
        '''),
        js=dict(entry="isBalanced", solution=code(r'''
            function isBalanced(s) {
              const pairs = { ")": "(", "]": "[", "}": "{" };
              const stack = [];
              for (const ch of s) {
                if (ch === "(" || ch === "[" || ch === "{") {
                  stack.push(ch);
                } else if (ch in pairs) {
                  if (stack.length === 0 || stack.pop() !== pairs[ch]) return false;
                }
              }
              return stack.length === 0;
            }
        ''')),
        cpp=dict(entry="isBalanced", params=[("string", "s")], returns="bool", solution=code(r'''
            #include <string>
            #include <vector>
            using namespace std;

            bool isBalanced(string s) {
                vector<char> stack;
                for (char ch : s) {
                    if (ch == '(' || ch == '[' || ch == '{') {
                        stack.push_back(ch);
                    } else if (ch == ')' || ch == ']' || ch == '}') {
                        char want = ch == ')' ? '(' : (ch == ']' ? '[' : '{');
                        if (stack.empty() || stack.back() != want) return false;
                        stack.pop_back();
                    }
                }
                return stack.empty();
            }
        ''')),
        visible=[
            (["f(a[1]) {x}"], True),
            (["(]"], False),
            (["no brackets"], True),
        ],
        hidden=[
            ([""], True),
            (["("], False),
            (["}{"], False),
            (["{[()()]}"], True),
            (["((a)"], False),
            (["[(])"], False),
        ],
    ),
    dict(
        id="code-003",
        title="Best Single Trade",
        difficulty="easy",
        skills=["Algorithms", "Problem Solving"],
        prompt=text("""
            You are given the price of a collectible card on consecutive days. You may
            buy it once and sell it once, on a later day than you bought it. You may
            also choose not to trade at all.

            Write `best_single_trade(prices)` that returns the largest profit you can
            make (0 if no trade makes money).

            Example 1:
              Input:  prices = [9, 2, 6, 1, 4]
              Output: 4            (buy at 2, sell at 6)

            Example 2:
              Input:  prices = [5, 4, 3]
              Output: 0

            Constraints:
              0 <= len(prices) <= 10^5
              0 <= prices[i] <= 10^9
        """),
        hints=[
            "For each selling day, the best buying day is the cheapest day before it.",
            "Keep track of the minimum price seen so far while scanning left to right.",
            "At each price, update best = max(best, price - min_so_far), then update min_so_far.",
        ],
        follow_ups=[
            "Why is one pass enough? What is the complexity?",
            "How would you also return the buy and sell days?",
            "What if you could make as many trades as you like, holding at most one card at a time?",
        ],
        entry="best_single_trade",
        params="prices",
        doc="Return the maximum profit from one buy followed by one later sell (0 if none).",
        solution=code(r'''
            def best_single_trade(prices):
                best = 0
                lowest = None
                for price in prices:
                    if lowest is None or price < lowest:
                        lowest = price
                    elif price - lowest > best:
                        best = price - lowest
                return best
        '''),
        js=dict(entry="bestSingleTrade", solution=code(r'''
            function bestSingleTrade(prices) {
              let best = 0;
              let lowest = Infinity;
              for (const price of prices) {
                if (price < lowest) lowest = price;
                else if (price - lowest > best) best = price - lowest;
              }
              return best;
            }
        ''')),
        visible=[
            ([[9, 2, 6, 1, 4]], 4),
            ([[5, 4, 3]], 0),
            ([[3, 8, 1, 9]], 8),
        ],
        hidden=[
            ([[]], 0),
            ([[4]], 0),
            ([[2, 2, 2]], 0),
            ([[1, 1000000000]], 999999999),
            ([[10, 1, 10, 1, 10]], 9),
        ],
    ),
    dict(
        id="code-004",
        title="First One-Off Character",
        difficulty="easy",
        skills=["Strings", "Hash Tables"],
        prompt=text("""
            Write `first_unique_index(s)` that returns the index of the first character
            in `s` that occurs exactly once in the whole string, or -1 if there is no
            such character. Comparison is case-sensitive ('a' and 'A' differ).

            Example 1:
              Input:  s = "swiss"
              Output: 1            ('w' occurs once)

            Example 2:
              Input:  s = "aabb"
              Output: -1

            Constraints:
              0 <= len(s) <= 10^5
              s consists of printable ASCII characters.
        """),
        hints=[
            "You need to know how often each character occurs before you can decide.",
            "Count the characters in a first pass using a dictionary.",
            "In a second pass, return the first index whose character has count 1.",
        ],
        follow_ups=[
            "What is the complexity, and how much extra memory do you use for ASCII input?",
            "How would you solve it for a stream of characters where you must answer after each new one?",
        ],
        entry="first_unique_index",
        params="s",
        doc="Return the index of the first character occurring exactly once in s, or -1.",
        solution=code(r'''
            def first_unique_index(s):
                counts = {}
                for ch in s:
                    counts[ch] = counts.get(ch, 0) + 1
                for i, ch in enumerate(s):
                    if counts[ch] == 1:
                        return i
                return -1
        '''),
        js=dict(entry="firstUniqueIndex", solution=code(r'''
            function firstUniqueIndex(s) {
              const counts = new Map();
              for (const ch of s) counts.set(ch, (counts.get(ch) || 0) + 1);
              for (let i = 0; i < s.length; i++) {
                if (counts.get(s[i]) === 1) return i;
              }
              return -1;
            }
        ''')),
        cpp=dict(entry="firstUniqueIndex", params=[("string", "s")], returns="int", solution=code(r'''
            #include <string>
            #include <unordered_map>
            using namespace std;

            int firstUniqueIndex(string s) {
                unordered_map<char, int> counts;
                for (char ch : s) counts[ch]++;
                for (size_t i = 0; i < s.size(); ++i) {
                    if (counts[s[i]] == 1) return (int)i;
                }
                return -1;
            }
        ''')),
        visible=[
            (["swiss"], 1),
            (["aabb"], -1),
            (["z"], 0),
        ],
        hidden=[
            ([""], -1),
            (["abcabd"], 2),
            (["AaA"], 1),
            (["xxyyzzq"], 6),
            (["lollipop"], 4),
        ],
    ),
    dict(
        id="code-005",
        title="Digit Sum Steps",
        difficulty="easy",
        skills=["Math"],
        prompt=text("""
            Repeatedly replacing a number by the sum of its decimal digits eventually
            gives a single-digit number. Write `digit_sum_steps(n)` that returns how many
            replacements are needed for the non-negative integer `n`. A number that
            already has one digit needs 0 steps.

            Example 1:
              Input:  n = 38
              Output: 2            (38 -> 11 -> 2)

            Example 2:
              Input:  n = 199
              Output: 3            (199 -> 19 -> 10 -> 1)

            Constraints:
              0 <= n <= 9007199254740991   (2^53 - 1)
        """),
        hints=[
            "Write a helper that sums the digits of a number.",
            "Use n % 10 and n // 10 (or the string form) to get the digits.",
            "Loop while n >= 10: n = digit_sum(n); steps += 1.",
        ],
        follow_ups=[
            "How many steps can a 16-digit number need at most? Why does it shrink so fast?",
            "The final single digit can be computed in O(1). How?",
        ],
        entry="digit_sum_steps",
        params="n",
        doc="Return how many digit-sum replacements turn n into a single digit.",
        solution=code(r'''
            def digit_sum_steps(n):
                steps = 0
                while n >= 10:
                    total = 0
                    while n:
                        total += n % 10
                        n //= 10
                    n = total
                    steps += 1
                return steps
        '''),
        js=dict(entry="digitSumSteps", solution=code(r'''
            function digitSumSteps(n) {
              let digits = String(n);
              let steps = 0;
              while (digits.length > 1) {
                let total = 0;
                for (const d of digits) total += Number(d);
                digits = String(total);
                steps++;
              }
              return steps;
            }
        ''')),
        visible=[
            ([38], 2),
            ([7], 0),
            ([199], 3),
        ],
        hidden=[
            ([0], 0),
            ([10], 1),
            ([999999999999], 2),
            ([9007199254740991], 3),
        ],
    ),
    dict(
        id="code-006",
        title="Merge Two Sorted Lists",
        difficulty="easy",
        skills=["Sorting", "Algorithms"],
        prompt=text("""
            Two sensors each produce a list of timestamps sorted in non-decreasing
            order. Write `merge_sorted(a, b)` that returns a single list containing all
            timestamps from both lists, sorted in non-decreasing order. Duplicates are
            kept. Do it in linear time without calling a sort function.

            Example 1:
              Input:  a = [1, 4, 7], b = [2, 3, 9]
              Output: [1, 2, 3, 4, 7, 9]

            Example 2:
              Input:  a = [5], b = [5]
              Output: [5, 5]

            Constraints:
              0 <= len(a), len(b) <= 10^5
              -10^9 <= a[i], b[i] <= 10^9
        """),
        hints=[
            "The smallest remaining value is always at the front of one of the two lists.",
            "Keep one index into each list and compare the values they point to.",
            "Append the smaller value and advance its index; when one list runs out, append the rest of the other.",
        ],
        follow_ups=[
            "How would you merge k sorted lists efficiently?",
            "What changes if duplicates across the two lists must appear only once?",
        ],
        entry="merge_sorted",
        params="a, b",
        doc="Return the sorted merge of the sorted lists a and b.",
        solution=code(r'''
            def merge_sorted(a, b):
                i = j = 0
                out = []
                while i < len(a) and j < len(b):
                    if a[i] <= b[j]:
                        out.append(a[i])
                        i += 1
                    else:
                        out.append(b[j])
                        j += 1
                out.extend(a[i:])
                out.extend(b[j:])
                return out
        '''),
        js=dict(entry="mergeSorted", solution=code(r'''
            function mergeSorted(a, b) {
              const out = [];
              let i = 0, j = 0;
              while (i < a.length && j < b.length) {
                if (a[i] <= b[j]) out.push(a[i++]);
                else out.push(b[j++]);
              }
              while (i < a.length) out.push(a[i++]);
              while (j < b.length) out.push(b[j++]);
              return out;
            }
        ''')),
        cpp=dict(entry="mergeSorted", params=[("vector<int>", "a"), ("vector<int>", "b")], returns="vector<int>", solution=code(r'''
            #include <vector>
            using namespace std;

            vector<int> mergeSorted(vector<int> a, vector<int> b) {
                vector<int> out;
                out.reserve(a.size() + b.size());
                size_t i = 0, j = 0;
                while (i < a.size() && j < b.size()) {
                    if (a[i] <= b[j]) out.push_back(a[i++]);
                    else out.push_back(b[j++]);
                }
                while (i < a.size()) out.push_back(a[i++]);
                while (j < b.size()) out.push_back(b[j++]);
                return out;
            }
        ''')),
        visible=[
            ([[1, 4, 7], [2, 3, 9]], [1, 2, 3, 4, 7, 9]),
            ([[], [1, 2]], [1, 2]),
            ([[5], [5]], [5, 5]),
        ],
        hidden=[
            ([[], []], []),
            ([[-5, -1, 0], [-3, 2]], [-5, -3, -1, 0, 2]),
            ([[1, 1, 1], [1]], [1, 1, 1, 1]),
            ([[1000000000], [-1000000000]], [-1000000000, 1000000000]),
            ([[1, 2, 3], [4, 5, 6]], [1, 2, 3, 4, 5, 6]),
        ],
    ),
    dict(
        id="code-007",
        title="Run-Length Shorthand",
        difficulty="easy",
        skills=["Strings"],
        prompt=text("""
            A log viewer shortens repeated characters. Each maximal run of the same
            character is written as the character followed by the run length, except
            that runs of length 1 are written as the character alone.

            Write `compress_runs(s)` that returns the shortened form of `s`.

            Example 1:
              Input:  s = "aaabcc"
              Output: "a3bc2"

            Example 2:
              Input:  s = "zzzzzzzzzzzz"
              Output: "z12"

            Constraints:
              0 <= len(s) <= 10^5
              s contains only letters and spaces.
        """),
        hints=[
            "Process the string one run at a time.",
            "Track the current character and how many times in a row you have seen it.",
            "When the character changes (or the string ends), emit the character plus the count if the count is above 1.",
        ],
        follow_ups=[
            "Why would repeated string concatenation be slow in some languages, and how do you avoid it?",
            "Write the decoder. Why does it need the input to contain no digits?",
        ],
        entry="compress_runs",
        params="s",
        doc="Return s with each run of 2+ equal characters written as char + count.",
        solution=code(r'''
            def compress_runs(s):
                parts = []
                i = 0
                while i < len(s):
                    j = i
                    while j < len(s) and s[j] == s[i]:
                        j += 1
                    run = j - i
                    parts.append(s[i] if run == 1 else s[i] + str(run))
                    i = j
                return "".join(parts)
        '''),
        js=dict(entry="compressRuns", solution=code(r'''
            function compressRuns(s) {
              const parts = [];
              let i = 0;
              while (i < s.length) {
                let j = i;
                while (j < s.length && s[j] === s[i]) j++;
                const run = j - i;
                parts.push(run === 1 ? s[i] : s[i] + run);
                i = j;
              }
              return parts.join("");
            }
        ''')),
        visible=[
            (["aaabcc"], "a3bc2"),
            (["abc"], "abc"),
            (["zzzzzzzzzzzz"], "z12"),
        ],
        hidden=[
            ([""], ""),
            (["a"], "a"),
            (["aabbaa"], "a2b2a2"),
            (["AAaa"], "A2a2"),
            (["  x"], " 2x"),
        ],
    ),
    dict(
        id="code-008",
        title="Trimmed Average Score",
        difficulty="easy",
        skills=["Math"],
        prompt=text("""
            A judging panel drops one lowest and one highest score before averaging, to
            soften outliers. Write `trimmed_mean(scores)` that removes exactly one
            occurrence of the minimum and one occurrence of the maximum and returns the
            mean of the remaining scores as a float.

            Answers within 1e-6 of the expected value are accepted.

            Example 1:
              Input:  scores = [4, 8, 6, 2]
              Output: 5.0          (drop 2 and 8, average 4 and 6)

            Example 2:
              Input:  scores = [10, 10, 10, 10]
              Output: 10.0

            Constraints:
              3 <= len(scores) <= 10^5
              -10^9 <= scores[i] <= 10^9
        """),
        hints=[
            "You do not need to sort; you only need the total, the minimum and the maximum.",
            "Removing one minimum and one maximum changes the total and the count in a simple way.",
            "Return (sum - min - max) / (n - 2), using a floating-point division.",
        ],
        follow_ups=[
            "Why does the sum not overflow in Python? What would you use in C++ or Java?",
            "How would you drop the k lowest and k highest scores?",
        ],
        entry="trimmed_mean",
        params="scores",
        doc="Return the mean of scores after dropping one minimum and one maximum.",
        solution=code(r'''
            def trimmed_mean(scores):
                total = sum(scores) - min(scores) - max(scores)
                return total / (len(scores) - 2)
        '''),
        js=dict(entry="trimmedMean", solution=code(r'''
            function trimmedMean(scores) {
              let total = 0, lo = Infinity, hi = -Infinity;
              for (const x of scores) {
                total += x;
                if (x < lo) lo = x;
                if (x > hi) hi = x;
              }
              return (total - lo - hi) / (scores.length - 2);
            }
        ''')),
        cpp=dict(entry="trimmedMean", params=[("vector<int>", "scores")], returns="double", solution=code(r'''
            #include <vector>
            #include <algorithm>
            using namespace std;

            double trimmedMean(vector<int> scores) {
                long long total = 0;
                int lo = scores[0], hi = scores[0];
                for (int x : scores) {
                    total += x;
                    lo = min(lo, x);
                    hi = max(hi, x);
                }
                return (double)(total - lo - hi) / (double)(scores.size() - 2);
            }
        ''')),
        case_options={"tolerance": 1e-6},
        visible=[
            ([[4, 8, 6, 2]], 5.0),
            ([[1, 2, 3]], 2.0),
            ([[10, 10, 10, 10]], 10.0),
        ],
        hidden=[
            ([[-5, 0, 5, 10, -10]], 0.0),
            ([[1, 1, 2, 2, 3]], 1.6666666666666667),
            ([[1000000000, 1000000000, 1000000000, -1000000000]], 1000000000.0),
            ([[3, 7, 7, 7, 9, 1]], 6.0),
            ([[-1, -2, -3]], -2.0),
        ],
    ),
    dict(
        id="code-009",
        title="The Missing Locker",
        difficulty="easy",
        skills=["Math", "Hash Tables"],
        prompt=text("""
            A gym has lockers numbered 0 to n. Exactly one locker is out of service, and
            you are given the numbers of the n working lockers in arbitrary order (each
            number appears once).

            Write `missing_number(nums)` that returns the number of the locker that is
            missing.

            Example 1:
              Input:  nums = [4, 2, 0, 1]
              Output: 3

            Example 2:
              Input:  nums = [1]
              Output: 0            (lockers are 0 and 1; 0 is missing)

            Constraints:
              0 <= n = len(nums) <= 10^5
              all values are distinct and in the range 0..n
        """),
        hints=[
            "A set of all numbers from 0 to n would work, but there is an O(1)-memory way.",
            "You know what the sum of 0 + 1 + ... + n is without adding it up.",
            "Return n * (n + 1) // 2 - sum(nums). (XOR of all indices and values also works.)",
        ],
        follow_ups=[
            "Could the sum approach overflow in a fixed-width integer language? How does XOR avoid it?",
            "What if two numbers were missing?",
        ],
        entry="missing_number",
        params="nums",
        doc="Return the single number in 0..len(nums) that is not in nums.",
        solution=code(r'''
            def missing_number(nums):
                n = len(nums)
                return n * (n + 1) // 2 - sum(nums)
        '''),
        visible=[
            ([[4, 2, 0, 1]], 3),
            ([[0]], 1),
            ([[1]], 0),
        ],
        hidden=[
            ([[]], 0),
            ([[0, 1, 2, 3, 4, 5, 7, 8]], 6),
            ([[5, 3, 1, 2, 0]], 4),
            ([[1, 2]], 0),
        ],
        script=code(r'''
            def check(candidate):
                assert candidate(list(range(100000))) == 100000
                assert candidate([i for i in range(50001) if i != 31337]) == 31337
                assert candidate(list(range(200, 0, -1))) == 0
        '''),
    ),
    dict(
        id="code-010",
        title="Anagram Check",
        difficulty="easy",
        skills=["Strings", "Hash Tables"],
        prompt=text("""
            Two phrases are anagrams when one can be formed by rearranging the letters
            of the other, ignoring spaces and letter case.

            Write `is_anagram(a, b)` that returns True if `a` and `b` are anagrams
            under these rules.

            Example 1:
              Input:  a = "Dormitory", b = "dirty room"
              Output: True

            Example 2:
              Input:  a = "apple", b = "pale"
              Output: False

            Constraints:
              0 <= len(a), len(b) <= 10^5
              a and b contain only letters and spaces.
        """),
        hints=[
            "Normalise both strings first: lower-case them and drop the spaces.",
            "Two normalised strings are anagrams if every character occurs the same number of times in both.",
            "Compare character counts (a dictionary or collections.Counter), or compare the sorted strings.",
        ],
        follow_ups=[
            "Compare the complexity of sorting versus counting.",
            "How would you handle accented letters or full Unicode correctly?",
        ],
        entry="is_anagram",
        params="a, b",
        doc="Return True if a and b are anagrams, ignoring spaces and case.",
        solution=code(r'''
            def is_anagram(a, b):
                def counts(s):
                    table = {}
                    for ch in s.lower():
                        if ch != " ":
                            table[ch] = table.get(ch, 0) + 1
                    return table
                return counts(a) == counts(b)
        '''),
        visible=[
            (["Dormitory", "dirty room"], True),
            (["Night cat", "thing act"], True),
            (["apple", "pale"], False),
        ],
        hidden=[
            (["", ""], True),
            (["a", "A"], True),
            (["aab", "abb"], False),
            (["  ", ""], True),
            (["The eyes", "They see"], True),
            (["abc", "abcd"], False),
        ],
    ),
    dict(
        id="code-011",
        title="Longest Streak",
        difficulty="easy",
        skills=["Algorithms"],
        prompt=text("""
            A fitness tracker records one value per day. Write `longest_run(nums, target)`
            that returns the length of the longest block of consecutive days whose value
            equals `target`. Return 0 if `target` never occurs.

            Example 1:
              Input:  nums = [1, 1, 0, 1, 1, 1], target = 1
              Output: 3

            Example 2:
              Input:  nums = [4, 5, 6], target = 7
              Output: 0

            Constraints:
              0 <= len(nums) <= 10^5
              -10^9 <= nums[i], target <= 10^9
        """),
        hints=[
            "Scan once and keep the length of the current streak.",
            "The streak grows when the value equals target and resets to 0 otherwise.",
            "Keep the maximum streak seen: best = max(best, current) after each step.",
        ],
        follow_ups=[
            "How would you allow at most one 'miss' inside a streak?",
            "What is the complexity of your solution?",
        ],
        entry="longest_run",
        params="nums, target",
        doc="Return the length of the longest consecutive block equal to target.",
        solution=code(r'''
            def longest_run(nums, target):
                best = current = 0
                for x in nums:
                    current = current + 1 if x == target else 0
                    best = max(best, current)
                return best
        '''),
        visible=[
            ([[1, 1, 0, 1, 1, 1], 1], 3),
            ([[2, 3, 2, 2], 2], 2),
            ([[4, 5, 6], 7], 0),
        ],
        hidden=[
            ([[], 1], 0),
            ([[9], 9], 1),
            ([[-1, -1, -1, 0, -1], -1], 3),
            ([[5, 5, 5, 5, 5, 5, 5, 5], 5], 8),
            ([[0, 1, 0, 0, 1, 0, 0, 0], 0], 3),
        ],
    ),
    dict(
        id="code-012",
        title="Rotate a Playlist",
        difficulty="easy",
        skills=["Data Structures", "Problem Solving"],
        prompt=text("""
            A playlist is a list of track ids. Rotating it right by one step moves the
            last track to the front. Write `rotate_right(nums, k)` that returns a new
            list equal to `nums` rotated right by `k` steps. `k` may be larger than the
            length of the list.

            Example 1:
              Input:  nums = [1, 2, 3, 4, 5], k = 2
              Output: [4, 5, 1, 2, 3]

            Example 2:
              Input:  nums = [1, 2, 3], k = 4
              Output: [3, 1, 2]

            Constraints:
              0 <= len(nums) <= 10^5
              0 <= k <= 10^9
        """),
        hints=[
            "Rotating by the list length gives back the same list.",
            "Reduce k with k % len(nums) first (careful with an empty list).",
            "The result is the last k elements followed by the first len(nums) - k elements.",
        ],
        follow_ups=[
            "How would you rotate the list in place using O(1) extra memory?",
            "What would rotating left by k look like?",
        ],
        entry="rotate_right",
        params="nums, k",
        doc="Return a new list with nums rotated right by k steps.",
        solution=code(r'''
            def rotate_right(nums, k):
                if not nums:
                    return []
                k %= len(nums)
                return nums[len(nums) - k:] + nums[:len(nums) - k]
        '''),
        visible=[
            ([[1, 2, 3, 4, 5], 2], [4, 5, 1, 2, 3]),
            ([[1, 2, 3], 0], [1, 2, 3]),
            ([[1, 2, 3], 4], [3, 1, 2]),
        ],
        hidden=[
            ([[], 5], []),
            ([[7], 100], [7]),
            ([[1, 2], 1000000000], [1, 2]),
            ([[-1, -2, -3, -4], 3], [-2, -3, -4, -1]),
            ([[1, 1, 2, 2], 1], [2, 1, 1, 2]),
        ],
    ),
    dict(
        id="code-013",
        title="Most Frequent Word",
        difficulty="easy",
        skills=["Strings", "Hash Tables", "Sorting"],
        prompt=text("""
            A word is a maximal run of ASCII letters (a-z, A-Z); everything else
            separates words. Words are compared case-insensitively.

            Write `most_common_word(text)` that returns the most frequent word in lower
            case. If several words are equally frequent, return the one that comes first
            alphabetically.

            Example 1:
              Input:  text = "the cat and the hat"
              Output: "the"

            Example 2:
              Input:  text = "B a b A"
              Output: "a"          ('a' and 'b' both occur twice; 'a' is first alphabetically)

            Constraints:
              1 <= len(text) <= 10^5
              text contains at least one letter.
        """),
        hints=[
            "Split the text into words first; punctuation and digits act as separators.",
            "Count lower-cased words with a dictionary.",
            "Pick the word with the highest count, breaking ties by the word itself, e.g. min over (-count, word).",
        ],
        follow_ups=[
            "How would you return the top k words instead of one?",
            "How would you handle a text too large to fit in memory?",
        ],
        entry="most_common_word",
        params="text",
        doc="Return the most frequent lower-cased word (ties: alphabetically first).",
        solution=code(r'''
            import re

            def most_common_word(text):
                counts = {}
                for word in re.findall(r"[a-z]+", text.lower()):
                    counts[word] = counts.get(word, 0) + 1
                return min(counts, key=lambda w: (-counts[w], w))
        '''),
        visible=[
            (["the cat and the hat"], "the"),
            (["B a b A"], "a"),
            (["Hello, hello! HELLO?"], "hello"),
        ],
        hidden=[
            (["one"], "one"),
            (["x y z"], "x"),
            (["don't stop, don't"], "don"),
            (["zeta alpha zeta alpha beta"], "alpha"),
            (["a1a2b"], "a"),
        ],
    ),
    dict(
        id="code-014",
        title="Python Slice Indices",
        difficulty="easy",
        skills=["Python"],
        prompt=text("""
            Python's extended slicing seq[start:stop:step] accepts negative and
            out-of-range bounds and omitted values (None). Write
            `slice_indices(length, start, stop, step)` that returns the list of indices
            that seq[start:stop:step] would select from a sequence of the given length,
            in the order they would be selected. `start`, `stop` and `step` may be None;
            `step` is never 0.

            Reproduce Python's rules: negative bounds count from the end, bounds are
            clamped to the sequence, and the defaults depend on the sign of step.

            Example 1:
              Input:  length = 5, start = 1, stop = 4, step = None
              Output: [1, 2, 3]

            Example 2:
              Input:  length = 5, start = None, stop = None, step = -1
              Output: [4, 3, 2, 1, 0]

            Example 3:
              Input:  length = 6, start = -2, stop = None, step = None
              Output: [4, 5]

            Constraints:
              0 <= length <= 10^5
              start, stop: None or -10^9..10^9
              step: None or a non-zero integer in -10^9..10^9
        """),
        hints=[
            "Handle the defaults first: step defaults to 1, and start/stop defaults differ for positive and negative steps.",
            "A negative bound b becomes b + length; then clamp it into [0, length] for a positive step or [-1, length - 1] for a negative step.",
            "After normalising, the answer is list(range(start, stop, step)). (slice(start, stop, step).indices(length) does the normalisation for you; can you do it by hand?)",
        ],
        follow_ups=[
            "Why is the clamping range different for negative steps?",
            "How many elements does the slice select? Give a formula without building the list.",
            "Where else does Python use the same normalisation rules?",
        ],
        entry="slice_indices",
        params="length, start, stop, step",
        doc="Return the indices that seq[start:stop:step] selects for len(seq) == length.",
        solution=code(r'''
            def slice_indices(length, start, stop, step):
                if step is None:
                    step = 1
                if step > 0:
                    lower, upper = 0, length
                else:
                    lower, upper = -1, length - 1

                def norm(bound, default):
                    if bound is None:
                        return default
                    if bound < 0:
                        bound += length
                    return max(lower, min(bound, upper))

                if step > 0:
                    first, last = norm(start, lower), norm(stop, upper)
                else:
                    first, last = norm(start, upper), norm(stop, lower)
                return list(range(first, last, step))
        '''),
        visible=[
            ([5, 1, 4, None], [1, 2, 3]),
            ([5, None, None, -1], [4, 3, 2, 1, 0]),
            ([6, -2, None, None], [4, 5]),
        ],
        hidden=[
            ([0, None, None, None], []),
            ([1, 5, 10, 1], []),
            ([10, -100, 100, 3], [0, 3, 6, 9]),
            ([10, 8, 2, -2], [8, 6, 4]),
            ([7, -1, -8, -3], [6, 3, 0]),
            ([4, 2, 2, None], []),
        ],
        script=code(r'''
            def check(candidate):
                bounds = [None] + list(range(-8, 9))
                for n in range(0, 7):
                    seq = list(range(n))
                    for start in bounds:
                        for stop in bounds:
                            for step in (None, -3, -2, -1, 1, 2, 3):
                                expected = seq[start:stop:step]
                                got = candidate(n, start, stop, step)
                                assert got == expected, (n, start, stop, step, got, expected)
        '''),
    ),
    dict(
        id="code-015",
        title="Sum of Multiples",
        difficulty="easy",
        skills=["Math"],
        prompt=text("""
            Write `sum_of_multiples(limit, divisors)` that returns the sum of all
            positive integers smaller than `limit` that are divisible by at least one
            number in `divisors`. Each qualifying integer is counted once, even if it is
            divisible by several divisors. The divisor list may contain duplicates or be
            empty.

            Example 1:
              Input:  limit = 20, divisors = [4, 6]
              Output: 64           (4 + 6 + 8 + 12 + 16 + 18)

            Example 2:
              Input:  limit = 16, divisors = [7]
              Output: 21           (7 + 14)

            Constraints:
              1 <= limit <= 10^6
              0 <= len(divisors) <= 10
              1 <= divisors[i] <= 10^6
              The answer may exceed 2^31 - 1.
        """),
        hints=[
            "Be careful not to count a number like 12 twice when both 4 and 6 divide it.",
            "Collect the multiples of every divisor in a set, or test each number below limit once.",
            "Alternatively, use inclusion-exclusion with the formula for the sum of multiples of d below limit.",
        ],
        follow_ups=[
            "How would you solve it for limit = 10^18 with at most 10 divisors?",
            "What integer type do you need for the result in C++ or Java?",
        ],
        entry="sum_of_multiples",
        params="limit, divisors",
        doc="Return the sum of positive integers below limit divisible by any divisor.",
        solution=code(r'''
            def sum_of_multiples(limit, divisors):
                seen = set()
                for d in set(divisors):
                    seen.update(range(d, limit, d))
                return sum(seen)
        '''),
        cpp=dict(entry="sumOfMultiples", params=[("int", "limit"), ("vector<int>", "divisors")], returns="long long", solution=code(r'''
            #include <vector>
            using namespace std;

            long long sumOfMultiples(int limit, vector<int> divisors) {
                vector<bool> hit(limit > 0 ? limit : 0, false);
                long long total = 0;
                for (int d : divisors) {
                    for (long long m = d; m < limit; m += d) {
                        if (!hit[m]) {
                            hit[m] = true;
                            total += m;
                        }
                    }
                }
                return total;
            }
        ''')),
        visible=[
            ([20, [4, 6]], 64),
            ([16, [7]], 21),
            ([1, [1]], 0),
        ],
        hidden=[
            ([10, []], 0),
            ([10, [1]], 45),
            ([100000, [2, 2]], 2499950000),
            ([15, [3, 5, 15]], 45),
            ([7, [10]], 0),
        ],
    ),
    # --------------------------------------------------------------- medium
    dict(
        id="code-016",
        title="Group Scrambled Words",
        difficulty="medium",
        skills=["Hash Tables", "Strings", "Sorting"],
        prompt=text("""
            Two words belong to the same group when one is a rearrangement of the
            letters of the other (they are anagrams). Write `group_anagrams(words)` that
            splits `words` into such groups.

            Each group must be sorted alphabetically (duplicates are kept). The order of
            the groups in the returned list does not matter.

            Example 1:
              Input:  words = ["stop", "pots", "opts", "ring", "grin", "cat"]
              Output: [["opts", "pots", "stop"], ["grin", "ring"], ["cat"]]

            Example 2:
              Input:  words = ["ab", "ba", "ab"]
              Output: [["ab", "ab", "ba"]]

            Constraints:
              0 <= len(words) <= 10^4
              0 <= len(words[i]) <= 100, lowercase letters only
        """),
        hints=[
            "Anagrams share something that does not depend on letter order.",
            "Use a canonical key per word, such as its letters sorted, or a tuple of 26 letter counts.",
            "Map key -> list of words with a dictionary, then sort each list before returning the values.",
        ],
        follow_ups=[
            "Compare sorting each word with counting its letters as the key. When does each win?",
            "How would you do this for a list of words that does not fit in memory?",
        ],
        entry="group_anagrams",
        params="words",
        doc="Return the anagram groups of words; each group sorted, group order free.",
        solution=code(r'''
            def group_anagrams(words):
                groups = {}
                for word in words:
                    groups.setdefault("".join(sorted(word)), []).append(word)
                return [sorted(group) for group in groups.values()]
        '''),
        case_options={"unordered": True},
        visible=[
            ([["stop", "pots", "opts", "ring", "grin", "cat"]], [["opts", "pots", "stop"], ["grin", "ring"], ["cat"]]),
            ([["a"]], [["a"]]),
            ([["ab", "ba", "ab"]], [["ab", "ab", "ba"]]),
        ],
        hidden=[
            ([[]], []),
            ([[""]], [[""]]),
            ([["", ""]], [["", ""]]),
            ([["abc", "def", "ghi"]], [["abc"], ["def"], ["ghi"]]),
            ([["listen", "silent", "enlist", "tinsel", "inlets", "google"]], [["enlist", "inlets", "listen", "silent", "tinsel"], ["google"]]),
        ],
    ),
    dict(
        id="code-017",
        title="Longest Distinct Stretch",
        difficulty="medium",
        skills=["Strings", "Hash Tables"],
        prompt=text("""
            Write `longest_unique_window(s)` that returns the length of the longest
            contiguous substring of `s` in which no character appears twice.

            Example 1:
              Input:  s = "abbaxyz"
              Output: 5            ("baxyz")

            Example 2:
              Input:  s = "mississippi"
              Output: 3            ("mis" or "sip")

            Example 3:
              Input:  s = "aaaa"
              Output: 1

            Constraints:
              0 <= len(s) <= 10^5
              s consists of printable ASCII characters.
        """),
        hints=[
            "Checking every substring is O(n^2) or worse; try a window that slides.",
            "Keep a window [left, right] with no repeats. When s[right] is already inside the window, move left past its previous occurrence.",
            "Store the last index of each character in a dictionary; left = max(left, last[ch] + 1); answer = max(answer, right - left + 1).",
        ],
        follow_ups=[
            "Why is the sliding window O(n) even though left moves inside the loop?",
            "How would you return the substring itself, preferring the leftmost one?",
            "How would you allow each character at most twice?",
        ],
        entry="longest_unique_window",
        params="s",
        doc="Return the length of the longest substring without repeated characters.",
        solution=code(r'''
            def longest_unique_window(s):
                last = {}
                left = best = 0
                for right, ch in enumerate(s):
                    if ch in last and last[ch] >= left:
                        left = last[ch] + 1
                    last[ch] = right
                    best = max(best, right - left + 1)
                return best
        '''),
        js=dict(entry="longestUniqueWindow", solution=code(r'''
            function longestUniqueWindow(s) {
              const last = new Map();
              let left = 0, best = 0;
              for (let right = 0; right < s.length; right++) {
                const ch = s[right];
                if (last.has(ch) && last.get(ch) >= left) left = last.get(ch) + 1;
                last.set(ch, right);
                best = Math.max(best, right - left + 1);
              }
              return best;
            }
        ''')),
        cpp=dict(entry="longestUniqueWindow", params=[("string", "s")], returns="int", solution=code(r'''
            #include <string>
            #include <vector>
            #include <algorithm>
            using namespace std;

            int longestUniqueWindow(string s) {
                vector<int> last(256, -1);
                int left = 0, best = 0;
                for (int right = 0; right < (int)s.size(); ++right) {
                    unsigned char ch = (unsigned char)s[right];
                    if (last[ch] >= left) left = last[ch] + 1;
                    last[ch] = right;
                    best = max(best, right - left + 1);
                }
                return best;
            }
        ''')),
        visible=[
            (["abbaxyz"], 5),
            (["mississippi"], 3),
            (["aaaa"], 1),
        ],
        hidden=[
            ([""], 0),
            (["z"], 1),
            (["abcdefghijklmnopqrstuvwxyz" * 2], 26),
            (["dvdf"], 3),
            (["tmmzuxt"], 5),
            ([" a b"], 3),
        ],
    ),
    dict(
        id="code-018",
        title="Merge Booking Intervals",
        difficulty="medium",
        skills=["Sorting", "Algorithms"],
        prompt=text("""
            A meeting room calendar holds bookings as closed intervals [start, end]
            with start <= end. Bookings that overlap or touch (one ends exactly where
            the next starts) should be shown as one block.

            Write `merge_intervals(intervals)` that returns the merged blocks sorted by
            start. The input may be in any order.

            Example 1:
              Input:  intervals = [[1, 3], [2, 6], [8, 10]]
              Output: [[1, 6], [8, 10]]

            Example 2:
              Input:  intervals = [[5, 7], [1, 2], [2, 4]]
              Output: [[1, 4], [5, 7]]

            Constraints:
              0 <= len(intervals) <= 10^4
              -10^9 <= start <= end <= 10^9
        """),
        hints=[
            "Overlaps are easy to find once the intervals are in some order.",
            "Sort by start. Then each interval either extends the last merged block or starts a new one.",
            "If start <= last_end, set last_end = max(last_end, end); otherwise append a new block.",
        ],
        follow_ups=[
            "What is the complexity, and which step dominates?",
            "How would you insert one new interval into an already merged, sorted list in O(n)?",
            "How would you find the free gaps between bookings?",
        ],
        entry="merge_intervals",
        params="intervals",
        doc="Return overlapping or touching [start, end] intervals merged, sorted by start.",
        solution=code(r'''
            def merge_intervals(intervals):
                merged = []
                for start, end in sorted(intervals):
                    if merged and start <= merged[-1][1]:
                        merged[-1][1] = max(merged[-1][1], end)
                    else:
                        merged.append([start, end])
                return merged
        '''),
        js=dict(entry="mergeIntervals", solution=code(r'''
            function mergeIntervals(intervals) {
              const sorted = intervals.map((iv) => [iv[0], iv[1]]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
              const merged = [];
              for (const [start, end] of sorted) {
                const last = merged[merged.length - 1];
                if (last && start <= last[1]) last[1] = Math.max(last[1], end);
                else merged.push([start, end]);
              }
              return merged;
            }
        ''')),
        cpp=dict(entry="mergeIntervals", params=[("vector<vector<int>>", "intervals")], returns="vector<vector<int>>", solution=code(r'''
            #include <vector>
            #include <algorithm>
            using namespace std;

            vector<vector<int>> mergeIntervals(vector<vector<int>> intervals) {
                sort(intervals.begin(), intervals.end());
                vector<vector<int>> merged;
                for (const auto& iv : intervals) {
                    if (!merged.empty() && iv[0] <= merged.back()[1]) {
                        merged.back()[1] = max(merged.back()[1], iv[1]);
                    } else {
                        merged.push_back({iv[0], iv[1]});
                    }
                }
                return merged;
            }
        ''')),
        visible=[
            ([[[1, 3], [2, 6], [8, 10]]], [[1, 6], [8, 10]]),
            ([[[5, 7], [1, 2], [2, 4]]], [[1, 4], [5, 7]]),
            ([[[1, 10], [2, 3]]], [[1, 10]]),
        ],
        hidden=[
            ([[]], []),
            ([[[4, 4]]], [[4, 4]]),
            ([[[-10, -5], [-6, 0], [1, 2]]], [[-10, 0], [1, 2]]),
            ([[[1, 2], [3, 4]]], [[1, 2], [3, 4]]),
            ([[[0, 1000000000], [999999999, 1000000000]]], [[0, 1000000000]]),
            ([[[2, 3], [2, 3], [2, 3]]], [[2, 3]]),
        ],
    ),
    dict(
        id="code-019",
        title="Fewest Coins",
        difficulty="medium",
        skills=["Dynamic Programming"],
        prompt=text("""
            A vending machine must return `amount` in change using coins whose values are
            listed in `coins`. Every coin value is available in unlimited supply.

            Write `min_coins(coins, amount)` that returns the smallest number of coins
            that add up to exactly `amount`, or -1 if it cannot be done. Returning an
            amount of 0 needs 0 coins.

            Example 1:
              Input:  coins = [1, 5, 10, 25], amount = 63
              Output: 6            (25 + 25 + 10 + 1 + 1 + 1)

            Example 2:
              Input:  coins = [2], amount = 3
              Output: -1

            Example 3:
              Input:  coins = [1, 3, 4], amount = 6
              Output: 2            (3 + 3; taking the largest coin first would need 3 coins)

            Constraints:
              0 <= len(coins) <= 12, 1 <= coins[i] <= 10^4 (values may repeat)
              0 <= amount <= 10^4
        """),
        hints=[
            "Greedy (always the largest coin) fails for some coin sets; look at Example 3.",
            "Let best[x] be the fewest coins for amount x. How does best[x] relate to smaller amounts?",
            "best[0] = 0 and best[x] = 1 + min(best[x - c]) over coins c <= x; unreachable amounts stay at infinity.",
        ],
        follow_ups=[
            "What are the time and space complexities in terms of amount and the number of coins?",
            "How would you also return which coins to use?",
            "How would you count the number of different ways to make the amount instead?",
        ],
        entry="min_coins",
        params="coins, amount",
        doc="Return the fewest coins summing to amount, or -1 if impossible.",
        solution=code(r'''
            def min_coins(coins, amount):
                inf = amount + 1
                best = [0] + [inf] * amount
                for x in range(1, amount + 1):
                    for c in coins:
                        if c <= x and best[x - c] + 1 < best[x]:
                            best[x] = best[x - c] + 1
                return best[amount] if best[amount] < inf else -1
        '''),
        js=dict(entry="minCoins", solution=code(r'''
            function minCoins(coins, amount) {
              const inf = amount + 1;
              const best = new Array(amount + 1).fill(inf);
              best[0] = 0;
              for (let x = 1; x <= amount; x++) {
                for (const c of coins) {
                  if (c <= x && best[x - c] + 1 < best[x]) best[x] = best[x - c] + 1;
                }
              }
              return best[amount] < inf ? best[amount] : -1;
            }
        ''')),
        cpp=dict(entry="minCoins", params=[("vector<int>", "coins"), ("int", "amount")], returns="int", solution=code(r'''
            #include <vector>
            using namespace std;

            int minCoins(vector<int> coins, int amount) {
                const int inf = amount + 1;
                vector<int> best(amount + 1, inf);
                best[0] = 0;
                for (int x = 1; x <= amount; ++x) {
                    for (int c : coins) {
                        if (c <= x && best[x - c] + 1 < best[x]) best[x] = best[x - c] + 1;
                    }
                }
                return best[amount] < inf ? best[amount] : -1;
            }
        ''')),
        visible=[
            ([[1, 5, 10, 25], 63], 6),
            ([[2], 3], -1),
            ([[1, 3, 4], 6], 2),
        ],
        hidden=[
            ([[1], 0], 0),
            ([[], 5], -1),
            ([[], 0], 0),
            ([[5, 5, 10], 30], 3),
            ([[9, 6, 5, 1], 11], 2),
            ([[2, 4], 7], -1),
            ([[1, 2, 5], 10000], 2000),
        ],
    ),
    dict(
        id="code-020",
        title="Count the Islands",
        difficulty="medium",
        skills=["Graphs"],
        prompt=text("""
            A satellite map is given as a list of equal-length strings, where '#' is
            land and '.' is water. Land cells that touch horizontally or vertically (not
            diagonally) belong to the same island.

            Write `count_islands(grid)` that returns the number of islands.

            Example 1:
              Input:  grid = ["##..",
                              "#...",
                              "..##",
                              "...#"]
              Output: 2

            Example 2:
              Input:  grid = ["#.#",
                              ".#.",
                              "#.#"]
              Output: 5            (diagonal neighbours do not connect)

            Constraints:
              0 <= rows, cols <= 200
        """),
        hints=[
            "Each island is a connected component of land cells.",
            "Scan the grid; when you find unvisited land, count a new island and visit all land reachable from it.",
            "Use BFS or an explicit stack for the visit (deep recursion can overflow on large islands), marking cells as seen.",
        ],
        follow_ups=[
            "Why might a recursive flood fill crash on a 200 x 200 grid of land, and how do you avoid it?",
            "How would you return the size of the largest island?",
            "How would you count islands if cells are added one at a time (union-find)?",
        ],
        entry="count_islands",
        params="grid",
        doc="Return the number of 4-connected groups of '#' cells in grid.",
        solution=code(r'''
            def count_islands(grid):
                rows = len(grid)
                cols = len(grid[0]) if rows else 0
                seen = [[False] * cols for _ in range(rows)]
                islands = 0
                for r in range(rows):
                    for c in range(cols):
                        if grid[r][c] != "#" or seen[r][c]:
                            continue
                        islands += 1
                        seen[r][c] = True
                        stack = [(r, c)]
                        while stack:
                            y, x = stack.pop()
                            for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                                if 0 <= ny < rows and 0 <= nx < cols and grid[ny][nx] == "#" and not seen[ny][nx]:
                                    seen[ny][nx] = True
                                    stack.append((ny, nx))
                return islands
        '''),
        cpp=dict(entry="countIslands", params=[("vector<string>", "grid")], returns="int", solution=code(r'''
            #include <string>
            #include <vector>
            #include <utility>
            using namespace std;

            int countIslands(vector<string> grid) {
                int rows = (int)grid.size();
                int cols = rows ? (int)grid[0].size() : 0;
                int islands = 0;
                const int dy[4] = {1, -1, 0, 0};
                const int dx[4] = {0, 0, 1, -1};
                for (int r = 0; r < rows; ++r) {
                    for (int c = 0; c < cols; ++c) {
                        if (grid[r][c] != '#') continue;
                        ++islands;
                        grid[r][c] = '.';
                        vector<pair<int, int>> stack{{r, c}};
                        while (!stack.empty()) {
                            int y = stack.back().first, x = stack.back().second;
                            stack.pop_back();
                            for (int k = 0; k < 4; ++k) {
                                int ny = y + dy[k], nx = x + dx[k];
                                if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && grid[ny][nx] == '#') {
                                    grid[ny][nx] = '.';
                                    stack.push_back({ny, nx});
                                }
                            }
                        }
                    }
                }
                return islands;
            }
        ''')),
        visible=[
            ([["##..", "#...", "..##", "...#"]], 2),
            ([["#.#", ".#.", "#.#"]], 5),
            ([["...."]], 0),
        ],
        hidden=[
            ([[]], 0),
            ([["#"]], 1),
            ([["###", "#.#", "###"]], 1),
            ([["#.#.#"]], 3),
            ([["#" * 60] * 60], 1),
            ([["#." * 5, ".#" * 5] * 5], 50),
        ],
    ),
    dict(
        id="code-021",
        title="Shortest Way Through the Maze",
        difficulty="medium",
        skills=["Graphs", "Algorithms"],
        prompt=text("""
            A maze is a list of equal-length strings: 'S' is the start, 'E' is the exit,
            '#' is a wall and '.' is open floor. Each move goes one cell up, down, left
            or right onto a non-wall cell.

            Write `maze_steps(grid)` that returns the minimum number of moves from 'S' to
            'E', or -1 if the exit cannot be reached. The grid contains exactly one 'S'
            and exactly one 'E'.

            Example 1:
              Input:  grid = ["S.#",
                              "..#",
                              "#.E"]
              Output: 4

            Example 2:
              Input:  grid = ["S#E"]
              Output: -1

            Constraints:
              1 <= rows, cols <= 100
        """),
        hints=[
            "All moves cost the same, so the first time you reach a cell is along a shortest path.",
            "Breadth-first search from 'S', keeping the distance of each visited cell.",
            "Use a queue of (row, col, distance); stop when you pop 'E'; mark cells visited when you enqueue them.",
        ],
        follow_ups=[
            "Why does depth-first search not give the shortest path?",
            "How would you return the path itself?",
            "What if some cells cost more to cross than others?",
        ],
        entry="maze_steps",
        params="grid",
        doc="Return the fewest moves from 'S' to 'E' avoiding '#', or -1.",
        solution=code(r'''
            from collections import deque

            def maze_steps(grid):
                rows, cols = len(grid), len(grid[0])
                start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
                dist = {start: 0}
                queue = deque([start])
                while queue:
                    r, c = queue.popleft()
                    if grid[r][c] == "E":
                        return dist[(r, c)]
                    for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in dist:
                            dist[(nr, nc)] = dist[(r, c)] + 1
                            queue.append((nr, nc))
                return -1
        '''),
        visible=[
            ([["S.#", "..#", "#.E"]], 4),
            ([["S#E"]], -1),
            ([["SE"]], 1),
        ],
        hidden=[
            ([["S", ".", "E"]], 2),
            ([["S#.", "##.", "..E"]], -1),
            ([["S.....", "#####.", "......", ".#####", "....E."]], 18),
            ([["S" + "." * 39] + ["." * 40] * 38 + ["." * 39 + "E"]], 78),
            ([["E.S"]], 2),
        ],
    ),
    dict(
        id="code-022",
        title="Task Build Order",
        difficulty="medium",
        skills=["Graphs", "Sorting"],
        prompt=text("""
            A build system has tasks numbered 0 to n-1. Each dependency [a, b] means
            task a must run before task b. Write `build_order(n, deps)` that returns an
            order in which all tasks can run.

            When several tasks are ready at the same time, always run the one with the
            smallest number first, so the answer is unique. If the dependencies contain
            a cycle and no valid order exists, return an empty list.

            Example 1:
              Input:  n = 4, deps = [[1, 0], [2, 0], [3, 1]]
              Output: [2, 3, 1, 0]

            Example 2:
              Input:  n = 2, deps = [[0, 1], [1, 0]]
              Output: []

            Constraints:
              1 <= n <= 10^4
              0 <= len(deps) <= 5 * 10^4, 0 <= a, b < n (duplicates possible)
        """),
        hints=[
            "A task can run once all the tasks it depends on have run: track how many unfinished prerequisites each task has.",
            "Start with every task that has zero prerequisites. Running a task lowers the count of the tasks that depend on it.",
            "Keep the ready tasks in a min-heap so the smallest is taken first; if fewer than n tasks get run, there is a cycle.",
        ],
        follow_ups=[
            "What is the complexity with the heap, and what would it be if any valid order were accepted?",
            "How would you report which tasks are part of a cycle?",
            "How would you find which tasks can run in parallel at each stage?",
        ],
        entry="build_order",
        params="n, deps",
        doc="Return the smallest-first topological order of tasks 0..n-1, or [] on a cycle.",
        solution=code(r'''
            import heapq

            def build_order(n, deps):
                after = [[] for _ in range(n)]
                waiting = [0] * n
                for a, b in deps:
                    after[a].append(b)
                    waiting[b] += 1
                ready = [t for t in range(n) if waiting[t] == 0]
                heapq.heapify(ready)
                order = []
                while ready:
                    task = heapq.heappop(ready)
                    order.append(task)
                    for nxt in after[task]:
                        waiting[nxt] -= 1
                        if waiting[nxt] == 0:
                            heapq.heappush(ready, nxt)
                return order if len(order) == n else []
        '''),
        visible=[
            ([4, [[1, 0], [2, 0], [3, 1]]], [2, 3, 1, 0]),
            ([3, []], [0, 1, 2]),
            ([2, [[0, 1], [1, 0]]], []),
        ],
        hidden=[
            ([1, []], [0]),
            ([5, [[4, 3], [3, 2], [2, 1], [1, 0]]], [4, 3, 2, 1, 0]),
            ([3, [[0, 1], [0, 1], [1, 2]]], [0, 1, 2]),
            ([4, [[0, 1], [1, 2], [2, 3], [3, 1]]], []),
            ([6, [[5, 0], [4, 0], [5, 2], [2, 3], [3, 1], [4, 1]]], [4, 5, 0, 2, 3, 1]),
        ],
        script=code(r'''
            def check(candidate):
                n = 2000
                chain = [[i + 1, i] for i in range(n - 1)]
                assert candidate(n, chain) == list(range(n - 1, -1, -1))
                assert candidate(3, [[0, 0]]) == []
                assert candidate(3, [[2, 1]]) == [0, 2, 1]
        '''),
    ),
    dict(
        id="code-023",
        title="Sliding Window Maximum",
        difficulty="medium",
        skills=["Data Structures", "Algorithms", "Complexity Analysis"],
        prompt=text("""
            A monitoring dashboard shows, for every run of `k` consecutive samples, the
            highest value in that run. Write `window_maxima(nums, k)` that returns the
            maximum of every contiguous window of size `k`, from left to right. If `k` is
            larger than the number of samples, return an empty list.

            Aim for O(n) time overall.

            Example 1:
              Input:  nums = [4, 2, 12, 3, 8, 1, 7], k = 3
              Output: [12, 12, 12, 8, 8]

            Example 2:
              Input:  nums = [5, 4, 3], k = 1
              Output: [5, 4, 3]

            Constraints:
              0 <= len(nums) <= 10^5
              1 <= k <= 10^5
              -10^9 <= nums[i] <= 10^9
        """),
        hints=[
            "Recomputing each window's maximum costs O(n k). Which elements can never be a future maximum?",
            "An element is useless once a larger element appears after it inside the window.",
            "Keep a deque of indices with decreasing values: pop smaller values from the back before pushing, pop the front when it leaves the window; the front is the maximum.",
        ],
        follow_ups=[
            "Explain why the deque solution is O(n) even with the inner while loop.",
            "How would a heap-based solution compare?",
            "How would you compute window minimum and maximum together?",
        ],
        entry="window_maxima",
        params="nums, k",
        doc="Return the maximum of each length-k window of nums, left to right.",
        solution=code(r'''
            from collections import deque

            def window_maxima(nums, k):
                result = []
                window = deque()
                for i, x in enumerate(nums):
                    while window and nums[window[-1]] <= x:
                        window.pop()
                    window.append(i)
                    if window[0] <= i - k:
                        window.popleft()
                    if i >= k - 1:
                        result.append(nums[window[0]])
                return result
        '''),
        visible=[
            ([[4, 2, 12, 3, 8, 1, 7], 3], [12, 12, 12, 8, 8]),
            ([[5, 4, 3], 1], [5, 4, 3]),
            ([[2, 9], 2], [9]),
        ],
        hidden=[
            ([[], 1], []),
            ([[1, 2], 3], []),
            ([[-5, -2, -8, -1], 2], [-2, -2, -1]),
            ([[7, 7, 7, 7], 2], [7, 7, 7]),
            ([[1, 3, 5, 7, 9, 11], 6], [11]),
            ([list(range(2000)), 1000], list(range(999, 2000))),
        ],
    ),
    dict(
        id="code-024",
        title="Keypad Message Decodings",
        difficulty="medium",
        skills=["Dynamic Programming", "Strings"],
        prompt=text("""
            A message of capital letters was encoded by replacing each letter with its
            position in the alphabet (A -> 1, B -> 2, ..., Z -> 26) and concatenating the
            numbers without separators. Different messages can produce the same digits.

            Write `decode_count(s)` that returns how many letter messages encode to the
            digit string `s`. Codes never have leading zeros, so "06" is not a letter.

            Example 1:
              Input:  s = "1111"
              Output: 5            (AAAA, KAA, AKA, AAK, KK)

            Example 2:
              Input:  s = "30"
              Output: 0

            Example 3:
              Input:  s = "101"
              Output: 1            (JA)

            Constraints:
              1 <= len(s) <= 100, s contains only digits.
              The answer fits in a 64-bit integer for all tests.
        """),
        hints=[
            "The last letter of a decoding uses either the last one digit or the last two digits.",
            "Let ways[i] be the number of decodings of the first i digits; ways[0] = 1.",
            "ways[i] = (ways[i-1] if s[i-1] != '0') + (ways[i-2] if 10 <= int(s[i-2:i]) <= 26).",
        ],
        follow_ups=[
            "Can you do it with O(1) extra memory?",
            "How would you list all decodings, and how many could there be?",
            "How would a '*' wildcard digit (1-9) change the recurrence?",
        ],
        entry="decode_count",
        params="s",
        doc="Return the number of ways to decode the digit string s (A=1 .. Z=26).",
        solution=code(r'''
            def decode_count(s):
                prev2, prev1 = 1, 1 if s[0] != "0" else 0
                for i in range(2, len(s) + 1):
                    current = 0
                    if s[i - 1] != "0":
                        current += prev1
                    if 10 <= int(s[i - 2:i]) <= 26:
                        current += prev2
                    prev2, prev1 = prev1, current
                return prev1
        '''),
        visible=[
            (["1111"], 5),
            (["30"], 0),
            (["101"], 1),
        ],
        hidden=[
            (["0"], 0),
            (["7"], 1),
            (["2626"], 4),
            (["1001"], 0),
            (["27"], 1),
            (["1" * 40], 165580141),
        ],
    ),
    dict(
        id="code-025",
        title="Spiral Read-Out",
        difficulty="medium",
        skills=["Data Structures", "Algorithms"],
        prompt=text("""
            An LED panel shows a matrix of numbers by tracing it in a clockwise spiral:
            along the top row, down the right column, back along the bottom row, up the
            left column, then continuing inwards.

            Write `spiral_order(matrix)` that returns the numbers in spiral order.

            Example 1:
              Input:  matrix = [[1, 2, 3],
                                [4, 5, 6],
                                [7, 8, 9]]
              Output: [1, 2, 3, 6, 9, 8, 7, 4, 5]

            Example 2:
              Input:  matrix = [[1], [2], [3]]
              Output: [1, 2, 3]

            Constraints:
              0 <= rows, cols <= 100 (all rows have the same length)
        """),
        hints=[
            "Keep four boundaries: top, bottom, left and right.",
            "Walk the top row, then the right column, then the bottom row, then the left column, shrinking the matching boundary after each.",
            "Before walking the bottom row and the left column, check that top <= bottom and left <= right still hold, or single rows/columns get repeated.",
        ],
        follow_ups=[
            "Which inputs break a naive version? (Single row, single column, non-square.)",
            "How would you fill an n x n matrix with 1..n^2 in spiral order?",
        ],
        entry="spiral_order",
        params="matrix",
        doc="Return the matrix values in clockwise spiral order starting top-left.",
        solution=code(r'''
            def spiral_order(matrix):
                out = []
                if not matrix or not matrix[0]:
                    return out
                top, bottom = 0, len(matrix) - 1
                left, right = 0, len(matrix[0]) - 1
                while top <= bottom and left <= right:
                    for c in range(left, right + 1):
                        out.append(matrix[top][c])
                    top += 1
                    for r in range(top, bottom + 1):
                        out.append(matrix[r][right])
                    right -= 1
                    if top <= bottom:
                        for c in range(right, left - 1, -1):
                            out.append(matrix[bottom][c])
                        bottom -= 1
                    if left <= right:
                        for r in range(bottom, top - 1, -1):
                            out.append(matrix[r][left])
                        left += 1
                return out
        '''),
        visible=[
            ([[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], [1, 2, 3, 6, 9, 8, 7, 4, 5]),
            ([[[1, 2, 3, 4]]], [1, 2, 3, 4]),
            ([[[1], [2], [3]]], [1, 2, 3]),
        ],
        hidden=[
            ([[]], []),
            ([[[5]]], [5]),
            ([[[1, 2], [3, 4], [5, 6]]], [1, 2, 4, 6, 5, 3]),
            ([[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]], [1, 2, 3, 4, 8, 12, 11, 10, 9, 5, 6, 7]),
            ([[[-1, -2], [-3, -4]]], [-1, -2, -4, -3]),
        ],
    ),
    dict(
        id="code-026",
        title="Postfix Calculator",
        difficulty="medium",
        skills=["Data Structures"],
        prompt=text("""
            A pocket calculator accepts expressions in postfix notation: operands come
            first and the operator follows them, so "3 4 + 2 *" means (3 + 4) * 2.

            Write `eval_postfix(tokens)` that evaluates a list of tokens. Each token is
            an integer (possibly negative, like "-7") or one of "+", "-", "*", "/".
            Division truncates toward zero (-7 / 2 gives -3). The expression is always
            valid, never divides by zero, and every intermediate result fits in a 32-bit
            signed integer.

            Example 1:
              Input:  tokens = ["3", "4", "+", "2", "*"]
              Output: 14

            Example 2:
              Input:  tokens = ["-7", "2", "/"]
              Output: -3

            Constraints:
              1 <= len(tokens) <= 10^4
        """),
        hints=[
            "Operands must wait until their operator arrives; which data structure holds things 'until later'?",
            "Push numbers on a stack. For an operator, pop the right operand first, then the left one, and push the result.",
            "Python's // rounds toward minus infinity; for truncation use int(a / b) carefully or compute with abs values and fix the sign.",
        ],
        follow_ups=[
            "How would you detect and report an invalid expression?",
            "How would you convert an ordinary infix expression with parentheses into postfix?",
        ],
        entry="eval_postfix",
        params="tokens",
        doc="Evaluate the postfix expression in tokens; '/' truncates toward zero.",
        solution=code(r'''
            def eval_postfix(tokens):
                stack = []
                for tok in tokens:
                    if tok in ("+", "-", "*", "/"):
                        b = stack.pop()
                        a = stack.pop()
                        if tok == "+":
                            stack.append(a + b)
                        elif tok == "-":
                            stack.append(a - b)
                        elif tok == "*":
                            stack.append(a * b)
                        else:
                            q = abs(a) // abs(b)
                            stack.append(q if (a < 0) == (b < 0) else -q)
                    else:
                        stack.append(int(tok))
                return stack[-1]
        '''),
        cpp=dict(entry="evalPostfix", params=[("vector<string>", "tokens")], returns="int", solution=code(r'''
            #include <string>
            #include <vector>
            using namespace std;

            int evalPostfix(vector<string> tokens) {
                vector<long long> stack;
                for (const string& tok : tokens) {
                    if (tok == "+" || tok == "-" || tok == "*" || tok == "/") {
                        long long b = stack.back(); stack.pop_back();
                        long long a = stack.back(); stack.pop_back();
                        if (tok == "+") stack.push_back(a + b);
                        else if (tok == "-") stack.push_back(a - b);
                        else if (tok == "*") stack.push_back(a * b);
                        else stack.push_back(a / b);  // C++ division truncates toward zero
                    } else {
                        stack.push_back(stoll(tok));
                    }
                }
                return (int)stack.back();
            }
        ''')),
        visible=[
            ([["3", "4", "+", "2", "*"]], 14),
            ([["10", "3", "/"]], 3),
            ([["-7", "2", "/"]], -3),
        ],
        hidden=[
            ([["42"]], 42),
            ([["5", "1", "2", "+", "4", "*", "+", "3", "-"]], 14),
            ([["2", "-3", "*", "-4", "-"]], -2),
            ([["1000000", "1000", "*", "7", "/"]], 142857142),
            ([["0", "5", "-"]], -5),
            ([["7", "-2", "/"]], -3),
        ],
    ),
    dict(
        id="code-027",
        title="Subsets Hitting a Target",
        difficulty="medium",
        skills=["Recursion"],
        prompt=text("""
            A shop sells gift items with distinct positive prices. Write
            `subsets_with_sum(nums, target)` that returns every set of items (each item
            used at most once) whose prices add up to exactly `target`.

            Each subset must be listed in ascending order. The order of the subsets in
            the returned list does not matter. The empty subset sums to 0.

            Example 1:
              Input:  nums = [1, 2, 3, 4, 5], target = 5
              Output: [[1, 4], [2, 3], [5]]

            Example 2:
              Input:  nums = [2, 4, 6], target = 5
              Output: []

            Constraints:
              0 <= len(nums) <= 20, values distinct, 1 <= nums[i] <= 1000
              0 <= target <= 10^4
        """),
        hints=[
            "Every item is either in the subset or not: that is a binary decision tree.",
            "Sort the prices, then recurse with (start index, remaining target, current picks).",
            "When remaining hits 0 record a copy of the picks; stop exploring once a price exceeds the remaining amount (the list is sorted).",
        ],
        follow_ups=[
            "What is the worst-case number of subsets examined, and how does pruning help?",
            "How would you handle duplicate prices without producing duplicate subsets?",
            "How would you only count the subsets, for much larger n but small target?",
        ],
        entry="subsets_with_sum",
        params="nums, target",
        doc="Return all subsets (ascending lists) of distinct nums that sum to target.",
        solution=code(r'''
            def subsets_with_sum(nums, target):
                nums = sorted(nums)
                found = []
                picks = []

                def explore(start, remaining):
                    if remaining == 0:
                        found.append(list(picks))
                        return
                    for i in range(start, len(nums)):
                        if nums[i] > remaining:
                            break
                        picks.append(nums[i])
                        explore(i + 1, remaining - nums[i])
                        picks.pop()

                explore(0, target)
                return found
        '''),
        case_options={"unordered": True},
        visible=[
            ([[1, 2, 3, 4, 5], 5], [[1, 4], [2, 3], [5]]),
            ([[2, 4, 6], 5], []),
            ([[3, 1], 4], [[1, 3]]),
        ],
        hidden=[
            ([[], 0], [[]]),
            ([[7], 7], [[7]]),
            ([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10],
             [[10], [1, 9], [2, 8], [3, 7], [4, 6], [1, 2, 7], [1, 3, 6], [1, 4, 5], [2, 3, 5], [1, 2, 3, 4]]),
            ([[5, 10, 15], 100], []),
            ([[8, 1, 6, 3], 9], [[1, 8], [3, 6]]),
        ],
    ),
    dict(
        id="code-028",
        title="Letter Case Variants",
        difficulty="medium",
        skills=["Recursion", "Strings"],
        prompt=text("""
            A password checker wants to try every capitalisation of a candidate string.
            Write `case_variants(s)` that returns all strings obtained from `s` by
            independently choosing lower or upper case for each letter. Digits stay as
            they are. The order of the returned strings does not matter, and each string
            appears once.

            Example 1:
              Input:  s = "a1b"
              Output: ["a1b", "a1B", "A1b", "A1B"]

            Example 2:
              Input:  s = "42"
              Output: ["42"]

            Constraints:
              0 <= len(s) <= 12
              s contains only ASCII letters and digits.
        """),
        hints=[
            "Each letter doubles the number of results; digits do not.",
            "Build the strings position by position: recursion with the prefix built so far, or grow a list of partial strings.",
            "For each character, extend every partial string with ch.lower() and ch.upper() if it is a letter, or with ch alone otherwise.",
        ],
        follow_ups=[
            "How many strings are returned for a string with k letters? What does that mean for the running time?",
            "How would you generate the variants lazily, one at a time, without building the whole list?",
        ],
        entry="case_variants",
        params="s",
        doc="Return every upper/lower-case variant of s (any order, no duplicates).",
        solution=code(r'''
            def case_variants(s):
                results = []

                def build(i, prefix):
                    if i == len(s):
                        results.append(prefix)
                        return
                    ch = s[i]
                    if ch.isalpha():
                        build(i + 1, prefix + ch.lower())
                        build(i + 1, prefix + ch.upper())
                    else:
                        build(i + 1, prefix + ch)

                build(0, "")
                return results
        '''),
        case_options={"unordered": True},
        visible=[
            (["a1b"], ["a1b", "a1B", "A1b", "A1B"]),
            (["42"], ["42"]),
            (["Z"], ["z", "Z"]),
        ],
        hidden=[
            ([""], [""]),
            (["ab"], ["ab", "aB", "Ab", "AB"]),
            (["0x0"], ["0x0", "0X0"]),
            (["xyz"], ["xyz", "xyZ", "xYz", "xYZ", "Xyz", "XyZ", "XYz", "XYZ"]),
            (["9Q9"], ["9q9", "9Q9"]),
        ],
    ),
    dict(
        id="code-029",
        title="How Many Meeting Rooms",
        difficulty="medium",
        skills=["Sorting", "Data Structures"],
        prompt=text("""
            Meetings are given as [start, end] pairs with start < end. A meeting uses a
            room from `start` up to, but not including, `end`, so a meeting ending at 5
            and another starting at 5 can share a room.

            Write `min_rooms(meetings)` that returns the minimum number of rooms needed
            to hold all meetings.

            Example 1:
              Input:  meetings = [[9, 12], [10, 11], [13, 15]]
              Output: 2

            Example 2:
              Input:  meetings = [[1, 5], [5, 8]]
              Output: 1

            Constraints:
              0 <= len(meetings) <= 10^4
              -10^9 <= start < end <= 10^9
        """),
        hints=[
            "The answer is the largest number of meetings running at the same moment.",
            "Sort the start times and the end times separately and sweep through them in time order.",
            "Process an end before a start at the same time; track the current count and its maximum. (A min-heap of end times also works.)",
        ],
        follow_ups=[
            "Why must ends be processed before starts at equal times here?",
            "How would you assign each meeting to a specific room number?",
            "What is the complexity of the sweep versus the heap approach?",
        ],
        entry="min_rooms",
        params="meetings",
        doc="Return the minimum number of rooms for half-open [start, end) meetings.",
        solution=code(r'''
            def min_rooms(meetings):
                events = []
                for start, end in meetings:
                    events.append((start, 1))
                    events.append((end, -1))
                events.sort()
                rooms = best = 0
                for _, delta in events:
                    rooms += delta
                    best = max(best, rooms)
                return best
        '''),
        visible=[
            ([[[9, 12], [10, 11], [13, 15]]], 2),
            ([[[1, 5], [5, 8]]], 1),
            ([[[1, 4], [2, 5], [3, 6]]], 3),
        ],
        hidden=[
            ([[]], 0),
            ([[[0, 1]]], 1),
            ([[[1, 10], [1, 10], [1, 10], [1, 10]]], 4),
            ([[[-5, -1], [-3, 2], [0, 3]]], 2),
            ([[[0, 1000000000], [999999999, 1000000000], [1, 2]]], 2),
        ],
    ),
    dict(
        id="code-030",
        title="Simulate an LRU Cache",
        difficulty="medium",
        skills=["Data Structures", "Hash Tables"],
        prompt=text("""
            A least-recently-used (LRU) cache holds at most `capacity` key/value pairs.
            Reading or writing a key makes it the most recently used. When a new key is
            written while the cache is full, the least recently used key is evicted
            first.

            Write `lru_simulation(capacity, ops)` that replays a list of operations and
            returns the results of all "get" operations in order:
              ["put", key, value]  stores value under key (updating it if present)
              ["get", key]         returns the stored value, or -1 if key is absent

            Each operation must run in O(1) average time.

            Example:
              Input:  capacity = 2,
                      ops = [["put", 1, 1], ["put", 2, 2], ["get", 1],
                             ["put", 3, 3], ["get", 2], ["get", 3]]
              Output: [1, -1, 3]   (putting 3 evicts key 2, because key 1 was read more recently)

            Constraints:
              1 <= capacity <= 1000
              0 <= len(ops) <= 10^5
              keys and values are integers in -10^9..10^9
        """),
        hints=[
            "You need fast lookup by key and fast 'move to most recent' / 'remove least recent'.",
            "Combine a dictionary with a doubly linked list ordered by recency, or use collections.OrderedDict.",
            "On get or put, move the key to the end; when over capacity after a put, remove the item at the front.",
        ],
        follow_ups=[
            "Implement it without OrderedDict: what does each linked-list node store, and why doubly linked?",
            "How would you make the cache safe to use from several threads?",
            "How does an LFU (least frequently used) policy differ, and when is it better?",
        ],
        entry="lru_simulation",
        params="capacity, ops",
        doc="Replay put/get operations on an LRU cache and return the get results.",
        solution=code(r'''
            from collections import OrderedDict

            def lru_simulation(capacity, ops):
                cache = OrderedDict()
                results = []
                for op in ops:
                    if op[0] == "get":
                        key = op[1]
                        if key in cache:
                            cache.move_to_end(key)
                            results.append(cache[key])
                        else:
                            results.append(-1)
                    else:
                        key, value = op[1], op[2]
                        cache[key] = value
                        cache.move_to_end(key)
                        if len(cache) > capacity:
                            cache.popitem(last=False)
                return results
        '''),
        visible=[
            ([2, [["put", 1, 1], ["put", 2, 2], ["get", 1], ["put", 3, 3], ["get", 2], ["get", 3]]], [1, -1, 3]),
            ([1, [["put", 5, 50], ["get", 5], ["put", 6, 60], ["get", 5]]], [50, -1]),
            ([3, [["get", 1]]], [-1]),
        ],
        hidden=[
            ([1, []], []),
            ([2, [["put", 1, 10], ["put", 1, 20], ["get", 1]]], [20]),
            ([2, [["put", 1, 1], ["put", 2, 2], ["put", 1, 11], ["put", 3, 3], ["get", 2], ["get", 1], ["get", 3]]], [-1, 11, 3]),
            ([3, [["put", -1, -100], ["get", -1], ["put", 0, 0], ["get", 0]]], [-100, 0]),
            ([2, [["put", 1, 1], ["put", 2, 2], ["get", 1], ["put", 3, 3], ["get", 1], ["get", 2], ["get", 3]]], [1, 1, -1, 3]),
        ],
        script=code(r'''
            def check(candidate):
                ops = [["put", k, 2 * k] for k in range(1000)]
                ops += [["get", k] for k in range(1000)]
                assert candidate(100, ops) == [-1] * 900 + [2 * k for k in range(900, 1000)]
                ops = [["put", 1, 1], ["put", 2, 2]] + [["get", 1]] * 5000 + [["put", 3, 3], ["get", 2], ["get", 1]]
                assert candidate(2, ops) == [1] * 5000 + [-1, 1]
        '''),
    ),
    dict(
        id="code-031",
        title="Search a Rotated Sorted List",
        difficulty="medium",
        skills=["Algorithms", "Complexity Analysis"],
        prompt=text("""
            A list of distinct integers was sorted in ascending order and then rotated:
            some prefix was moved to the end (possibly an empty prefix). For example
            [2, 3, 6, 12, 15, 18] might become [15, 18, 2, 3, 6, 12].

            Write `search_rotated(nums, target)` that returns the index of `target` in
            `nums`, or -1 if it is not present, in O(log n) time.

            Example 1:
              Input:  nums = [15, 18, 2, 3, 6, 12], target = 3
              Output: 3

            Example 2:
              Input:  nums = [6, 7, 1, 2, 3, 4, 5], target = 7
              Output: 1

            Constraints:
              0 <= len(nums) <= 10^5, values distinct
              -10^9 <= nums[i], target <= 10^9
        """),
        hints=[
            "Binary search still works, because at least one half of any range is sorted.",
            "Compare nums[lo] with nums[mid] to find out which half is sorted.",
            "If the sorted half contains target (check its endpoints), search there; otherwise search the other half.",
        ],
        follow_ups=[
            "Why does the approach break if values may repeat, and what is the worst case then?",
            "How would you find the rotation point (the index of the minimum)?",
        ],
        entry="search_rotated",
        params="nums, target",
        doc="Return the index of target in the rotated sorted list nums, or -1.",
        solution=code(r'''
            def search_rotated(nums, target):
                lo, hi = 0, len(nums) - 1
                while lo <= hi:
                    mid = (lo + hi) // 2
                    if nums[mid] == target:
                        return mid
                    if nums[lo] <= nums[mid]:
                        if nums[lo] <= target < nums[mid]:
                            hi = mid - 1
                        else:
                            lo = mid + 1
                    else:
                        if nums[mid] < target <= nums[hi]:
                            lo = mid + 1
                        else:
                            hi = mid - 1
                return -1
        '''),
        js=dict(entry="searchRotated", solution=code(r'''
            function searchRotated(nums, target) {
              let lo = 0, hi = nums.length - 1;
              while (lo <= hi) {
                const mid = (lo + hi) >> 1;
                if (nums[mid] === target) return mid;
                if (nums[lo] <= nums[mid]) {
                  if (nums[lo] <= target && target < nums[mid]) hi = mid - 1;
                  else lo = mid + 1;
                } else {
                  if (nums[mid] < target && target <= nums[hi]) lo = mid + 1;
                  else hi = mid - 1;
                }
              }
              return -1;
            }
        ''')),
        visible=[
            ([[15, 18, 2, 3, 6, 12], 3], 3),
            ([[6, 7, 1, 2, 3, 4, 5], 7], 1),
            ([[1, 2, 3], 4], -1),
        ],
        hidden=[
            ([[], 1], -1),
            ([[5], 5], 0),
            ([[5], 6], -1),
            ([[2, 1], 1], 1),
            ([[-10, -5, 0, 5, -20, -15], -15], 5),
            ([[30, 40, 50, 10, 20], 50], 2),
        ],
    ),
    dict(
        id="code-032",
        title="Word Chain",
        difficulty="medium",
        skills=["Graphs", "Strings"],
        prompt=text("""
            In a word puzzle you turn one word into another by changing exactly one
            letter per step. Every word you produce along the way, including the final
            word, must appear in the dictionary `words`. The starting word does not need
            to be in the dictionary.

            Write `word_chain_length(start, end, words)` that returns the minimum number
            of steps, 0 if start equals end, or -1 if it is impossible.

            Example 1:
              Input:  start = "cold", end = "warm",
                      words = ["cord", "card", "ward", "warm", "worm", "word", "wore", "core"]
              Output: 4            (cold -> cord -> card -> ward -> warm)

            Example 2:
              Input:  start = "abc", end = "xyz", words = ["xyz"]
              Output: -1

            Constraints:
              1 <= len(start) == len(end) == len(words[i]) <= 10
              0 <= len(words) <= 5000, lowercase letters only
        """),
        hints=[
            "Think of each word as a node, with an edge between words that differ in one letter.",
            "You want the shortest path in an unweighted graph: breadth-first search.",
            "Generate neighbours by trying all 26 letters at every position and keeping those in a set of dictionary words; remove words from the set when first visited.",
        ],
        follow_ups=[
            "Compare generating neighbours by letter substitution with comparing against every dictionary word.",
            "How would bidirectional BFS help?",
            "How would you return one shortest chain of words?",
        ],
        entry="word_chain_length",
        params="start, end, words",
        doc="Return the fewest one-letter changes from start to end through words, or -1.",
        solution=code(r'''
            from collections import deque
            from string import ascii_lowercase

            def word_chain_length(start, end, words):
                if start == end:
                    return 0
                unused = set(words)
                if end not in unused:
                    return -1
                queue = deque([(start, 0)])
                while queue:
                    word, steps = queue.popleft()
                    for i in range(len(word)):
                        for letter in ascii_lowercase:
                            candidate = word[:i] + letter + word[i + 1:]
                            if candidate in unused:
                                if candidate == end:
                                    return steps + 1
                                unused.remove(candidate)
                                queue.append((candidate, steps + 1))
                return -1
        '''),
        visible=[
            (["cold", "warm", ["cord", "card", "ward", "warm", "worm", "word", "wore", "core"]], 4),
            (["cat", "dog", ["cot", "cog", "dog"]], 3),
            (["abc", "xyz", ["xyz"]], -1),
        ],
        hidden=[
            (["same", "same", []], 0),
            (["a", "c", ["b", "c"]], 1),
            (["hit", "hot", []], -1),
            (["lead", "gold", ["load", "goad", "gold", "lead"]], 3),
            (["aaa", "bbb", ["aab", "abb", "bbb", "baa", "bba"]], 3),
        ],
    ),
    dict(
        id="code-033",
        title="Longest Common Subsequence",
        difficulty="medium",
        skills=["Dynamic Programming", "Strings"],
        prompt=text("""
            A subsequence keeps some characters of a string in their original order,
            not necessarily next to each other ("ace" is a subsequence of "abcde").

            A diff tool needs the length of the longest common subsequence of two
            strings. Write `lcs_length(a, b)` that returns it.

            Example 1:
              Input:  a = "kitten", b = "sitting"
              Output: 4            ("ittn")

            Example 2:
              Input:  a = "abc", b = "def"
              Output: 0

            Constraints:
              0 <= len(a), len(b) <= 1000
        """),
        hints=[
            "Compare the last characters of the two strings: either they match, or one of them is not used.",
            "Let L[i][j] be the answer for the first i characters of a and the first j of b.",
            "If a[i-1] == b[j-1] then L[i][j] = L[i-1][j-1] + 1, else max(L[i-1][j], L[i][j-1]); keep only two rows to save memory.",
        ],
        follow_ups=[
            "What are the time and memory costs of the table, and how do you cut memory to O(min(m, n))?",
            "How would you reconstruct the subsequence itself?",
            "How does this relate to the minimum number of insertions and deletions turning a into b?",
        ],
        entry="lcs_length",
        params="a, b",
        doc="Return the length of the longest common subsequence of a and b.",
        solution=code(r'''
            def lcs_length(a, b):
                prev = [0] * (len(b) + 1)
                for ch in a:
                    cur = [0] * (len(b) + 1)
                    for j in range(1, len(b) + 1):
                        if ch == b[j - 1]:
                            cur[j] = prev[j - 1] + 1
                        else:
                            cur[j] = max(prev[j], cur[j - 1])
                    prev = cur
                return prev[len(b)]
        '''),
        js=dict(entry="lcsLength", solution=code(r'''
            function lcsLength(a, b) {
              let prev = new Array(b.length + 1).fill(0);
              for (const ch of a) {
                const cur = new Array(b.length + 1).fill(0);
                for (let j = 1; j <= b.length; j++) {
                  cur[j] = ch === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
                }
                prev = cur;
              }
              return prev[b.length];
            }
        ''')),
        visible=[
            (["kitten", "sitting"], 4),
            (["abc", "def"], 0),
            (["stone", "notes"], 2),
        ],
        hidden=[
            (["", "abc"], 0),
            (["a", "a"], 1),
            (["aaaa", "aa"], 2),
            (["abcdef", "abcdef"], 6),
            (["x" * 200, "x" * 150], 150),
            (["AbC", "abc"], 1),
        ],
    ),
    dict(
        id="code-034",
        title="Best Stretch of Days",
        difficulty="medium",
        skills=["Dynamic Programming", "Algorithms", "Complexity Analysis"],
        prompt=text("""
            A shop records its daily profit, which can be negative. Write
            `max_subarray_sum(nums)` that returns the largest total profit of any
            non-empty run of consecutive days. Aim for O(n) time.

            Example 1:
              Input:  nums = [2, -5, 3, 4, -1, 2, -8, 1]
              Output: 8            (3 + 4 - 1 + 2)

            Example 2:
              Input:  nums = [-3, -1, -2]
              Output: -1           (the run must contain at least one day)

            Constraints:
              1 <= len(nums) <= 10^5
              -10^9 <= nums[i] <= 10^9   (the answer may not fit in 32 bits)
        """),
        hints=[
            "Consider the best run that ends exactly at day i.",
            "The best run ending at day i either extends the best run ending at day i - 1 or starts fresh at day i.",
            "current = max(x, current + x); best = max(best, current). Initialise both with the first element to handle all-negative input.",
        ],
        follow_ups=[
            "Why is the answer wrong if you initialise best to 0?",
            "How would you return the start and end days of the best run?",
            "How would you solve it if the days wrap around (a circular year)?",
        ],
        entry="max_subarray_sum",
        params="nums",
        doc="Return the maximum sum of a non-empty contiguous run of nums.",
        solution=code(r'''
            def max_subarray_sum(nums):
                best = current = nums[0]
                for x in nums[1:]:
                    current = max(x, current + x)
                    best = max(best, current)
                return best
        '''),
        js=dict(entry="maxSubarraySum", solution=code(r'''
            function maxSubarraySum(nums) {
              let best = nums[0], current = nums[0];
              for (let i = 1; i < nums.length; i++) {
                current = Math.max(nums[i], current + nums[i]);
                best = Math.max(best, current);
              }
              return best;
            }
        ''')),
        cpp=dict(entry="maxSubarraySum", params=[("vector<int>", "nums")], returns="long long", solution=code(r'''
            #include <vector>
            #include <algorithm>
            using namespace std;

            long long maxSubarraySum(vector<int> nums) {
                long long best = nums[0], current = nums[0];
                for (size_t i = 1; i < nums.size(); ++i) {
                    current = max((long long)nums[i], current + nums[i]);
                    best = max(best, current);
                }
                return best;
            }
        ''')),
        visible=[
            ([[2, -5, 3, 4, -1, 2, -8, 1]], 8),
            ([[-3, -1, -2]], -1),
            ([[5]], 5),
        ],
        hidden=[
            ([[0, 0, 0]], 0),
            ([[1000000000, 1000000000, 1000000000, -1, 1000000000]], 3999999999),
            ([[-1000000000]], -1000000000),
            ([[1, -1, 1, -1, 1]], 1),
            ([[3, -2, 3, -2, 3]], 5),
            ([[-2, -2, 7, -2, -2]], 7),
        ],
    ),
    dict(
        id="code-035",
        title="Dice Total Probability",
        difficulty="medium",
        skills=["Dynamic Programming", "Math"],
        prompt=text("""
            A board game rolls `dice` fair dice, each with faces numbered 1 to `sides`.
            Write `dice_probability(dice, sides, target)` that returns the probability
            that the faces add up to exactly `target`, as a float.

            Answers within 1e-9 of the expected value are accepted.

            Example 1:
              Input:  dice = 2, sides = 6, target = 7
              Output: 0.16666666666666666   (6 of the 36 outcomes)

            Example 2:
              Input:  dice = 2, sides = 6, target = 13
              Output: 0.0

            Constraints:
              1 <= dice <= 30
              1 <= sides <= 20
              0 <= target <= 1000
        """),
        hints=[
            "Enumerating all sides^dice outcomes is far too slow for 30 dice.",
            "Build the distribution one die at a time: ways[t] for the dice rolled so far.",
            "new[t + f] += ways[t] for every face f; at the end divide ways[target] by sides^dice (or keep probabilities instead of counts).",
        ],
        follow_ups=[
            "What is the complexity of the dynamic programme in terms of dice, sides and the maximum total?",
            "Why might dividing huge counts at the end be a problem in languages with fixed-width floats, and what would you do?",
            "How would you get the probability that the total is at least target?",
        ],
        entry="dice_probability",
        params="dice, sides, target",
        doc="Return the probability that `dice` dice with `sides` faces total `target`.",
        solution=code(r'''
            def dice_probability(dice, sides, target):
                if target < dice or target > dice * sides:
                    return 0.0
                probs = [1.0] + [0.0] * target
                for _ in range(dice):
                    nxt = [0.0] * (target + 1)
                    for total, p in enumerate(probs):
                        if p:
                            for face in range(1, sides + 1):
                                if total + face > target:
                                    break
                                nxt[total + face] += p / sides
                    probs = nxt
                return probs[target]
        '''),
        case_options={"tolerance": 1e-9},
        visible=[
            ([2, 6, 7], 0.16666666666666666),
            ([1, 6, 3], 0.16666666666666666),
            ([2, 6, 13], 0.0),
        ],
        hidden=[
            ([3, 6, 3], 0.004629629629629629),
            ([3, 6, 10], 0.125),
            ([1, 1, 1], 1.0),
            ([10, 6, 35], 0.07269280597469897),
            ([4, 2, 6], 0.375),
            ([5, 10, 5], 1e-05),
            ([20, 6, 70], 0.05181859019660884),
        ],
    ),
    dict(
        id="code-036",
        title="Integer Square Root",
        difficulty="medium",
        skills=["Math", "Algorithms"],
        prompt=text("""
            Write `integer_sqrt(n)` that returns the largest integer r with r * r <= n,
            for a non-negative integer `n` up to 10^18. Do not use floating-point square
            root functions: doubles cannot represent every integer in this range, so
            their results can be off by one.

            Example 1:
              Input:  n = 17
              Output: 4

            Example 2:
              Input:  n = 16
              Output: 4

            Constraints:
              0 <= n <= 10^18
        """),
        hints=[
            "The function r -> r * r is increasing, so you can search for r.",
            "Binary search r in [0, 10^9 + 1], keeping the invariant lo * lo <= n < hi * hi.",
            "In fixed-width languages compare mid <= n / mid instead of mid * mid <= n to avoid overflow (or use Newton's method on integers).",
        ],
        follow_ups=[
            "Show how Newton's method works on integers and why it converges quickly.",
            "Give an input where int(math.sqrt(n)) is wrong.",
            "How would you compute the integer k-th root?",
        ],
        entry="integer_sqrt",
        params="n",
        doc="Return floor(sqrt(n)) for 0 <= n <= 10**18, without floating point.",
        solution=code(r'''
            def integer_sqrt(n):
                lo, hi = 0, 10 ** 9 + 1
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    if mid * mid <= n:
                        lo = mid
                    else:
                        hi = mid
                return lo
        '''),
        cpp=dict(entry="integerSqrt", params=[("long long", "n")], returns="long long", solution=code(r'''
            long long integerSqrt(long long n) {
                long long lo = 0, hi = 1000000001LL;
                while (hi - lo > 1) {
                    long long mid = lo + (hi - lo) / 2;
                    if (mid <= n / mid) lo = mid;
                    else hi = mid;
                }
                return lo;
            }
        ''')),
        visible=[
            ([17], 4),
            ([16], 4),
            ([0], 0),
        ],
        hidden=[
            ([1], 1),
            ([2], 1),
            ([999999999999999999], 999999999),
            ([1000000000000000000], 1000000000),
            ([2147395600], 46340),
            ([2147483647], 46340),
        ],
    ),
    dict(
        id="code-037",
        title="Cheapest Delivery Route",
        difficulty="medium",
        skills=["Graphs", "Algorithms"],
        prompt=text("""
            A courier network has depots numbered 0 to n-1 and one-way roads given as
            [from, to, cost] with non-negative costs. There may be several roads between
            the same pair of depots.

            Write `cheapest_route(n, roads, src, dst)` that returns the lowest total cost
            of travelling from `src` to `dst`, or -1 if `dst` cannot be reached. The cost
            from a depot to itself is 0.

            Example 1:
              Input:  n = 4, roads = [[0, 1, 4], [0, 2, 1], [2, 1, 2], [1, 3, 1]],
                      src = 0, dst = 3
              Output: 4            (0 -> 2 -> 1 -> 3)

            Example 2:
              Input:  n = 3, roads = [[0, 1, 5]], src = 1, dst = 0
              Output: -1           (roads are one-way)

            Constraints:
              1 <= n <= 10^4
              0 <= len(roads) <= 5 * 10^4
              0 <= cost <= 10^9 (totals may exceed 32 bits)
        """),
        hints=[
            "With non-negative costs, the cheapest unsettled depot can be finalised: this is Dijkstra's algorithm.",
            "Keep a priority queue of (cost so far, depot) and the best known cost for each depot.",
            "Pop the cheapest entry, skip it if outdated, and relax each outgoing road; return when dst is popped.",
        ],
        follow_ups=[
            "What is the complexity with a binary heap?",
            "Why does Dijkstra fail with negative costs, and what would you use instead?",
            "How would you find the cheapest route using at most k roads?",
        ],
        entry="cheapest_route",
        params="n, roads, src, dst",
        doc="Return the minimum total cost from src to dst over one-way roads, or -1.",
        solution=code(r'''
            import heapq

            def cheapest_route(n, roads, src, dst):
                out = [[] for _ in range(n)]
                for u, v, w in roads:
                    out[u].append((v, w))
                best = {src: 0}
                heap = [(0, src)]
                while heap:
                    cost, node = heapq.heappop(heap)
                    if node == dst:
                        return cost
                    if cost > best[node]:
                        continue
                    for nxt, w in out[node]:
                        new_cost = cost + w
                        if new_cost < best.get(nxt, new_cost + 1):
                            best[nxt] = new_cost
                            heapq.heappush(heap, (new_cost, nxt))
                return -1
        '''),
        visible=[
            ([4, [[0, 1, 4], [0, 2, 1], [2, 1, 2], [1, 3, 1]], 0, 3], 4),
            ([3, [[0, 1, 5]], 1, 0], -1),
            ([2, [], 0, 0], 0),
        ],
        hidden=[
            ([1, [], 0, 0], 0),
            ([3, [[0, 1, 0], [1, 2, 0]], 0, 2], 0),
            ([5, [[0, 1, 10], [0, 2, 3], [2, 3, 2], [3, 1, 1], [1, 4, 2], [3, 4, 9]], 0, 4], 8),
            ([3, [[0, 1, 1000000000], [1, 2, 1000000000]], 0, 2], 2000000000),
            ([3, [[0, 1, 7], [0, 1, 2], [1, 2, 3]], 0, 2], 5),
            ([4, [[0, 1, 1], [1, 0, 1]], 0, 3], -1),
        ],
    ),
    # ----------------------------------------------------------------- hard
    dict(
        id="code-038",
        title="Smallest Covering Window",
        difficulty="hard",
        skills=["Strings", "Hash Tables"],
        prompt=text("""
            Write `min_window_cover(s, t)` that returns the shortest contiguous substring
            of `s` that contains every character of `t`, counting repeats (if `t` has two
            'a's, the window needs at least two 'a's). Matching is case-sensitive.

            If several shortest windows exist, return the leftmost one. If no window
            exists, return the empty string. Aim for O(len(s) + len(t)) time.

            Example 1:
              Input:  s = "xaybzcxab", t = "abc"
              Output: "cxab"

            Example 2:
              Input:  s = "aabbcc", t = "abc"
              Output: "abbc"

            Example 3:
              Input:  s = "a", t = "b"
              Output: ""

            Constraints:
              0 <= len(s) <= 10^5
              1 <= len(t) <= 10^5
              s and t consist of printable ASCII characters.
        """),
        hints=[
            "Use two pointers: grow the window on the right until it covers t, then shrink it from the left while it still covers t.",
            "Keep a count of how many of each character you still need, plus a single number of missing characters, so 'covers t' is an O(1) check.",
            "Each time the window covers t, shrink it past surplus characters, record it if strictly shorter than the best, then drop its leftmost character to look for the next window.",
        ],
        follow_ups=[
            "Why is the two-pointer approach linear even though it has a nested loop?",
            "Why does 'strictly shorter' give you the leftmost window among ties?",
            "How would you find the shortest window containing the characters of t in order (as a subsequence)?",
        ],
        entry="min_window_cover",
        params="s, t",
        doc="Return the leftmost shortest substring of s containing all characters of t, or ''.",
        solution=code(r'''
            def min_window_cover(s, t):
                need = {}
                for ch in t:
                    need[ch] = need.get(ch, 0) + 1
                missing = len(t)
                left = 0
                best_start, best_len = 0, len(s) + 1
                for right, ch in enumerate(s):
                    if need.get(ch, 0) > 0:
                        missing -= 1
                    need[ch] = need.get(ch, 0) - 1
                    if missing == 0:
                        while need[s[left]] < 0:
                            need[s[left]] += 1
                            left += 1
                        if right - left + 1 < best_len:
                            best_start, best_len = left, right - left + 1
                        need[s[left]] += 1
                        missing += 1
                        left += 1
                return s[best_start:best_start + best_len] if best_len <= len(s) else ""
        '''),
        js=dict(entry="minWindowCover", solution=code(r'''
            function minWindowCover(s, t) {
              const need = new Map();
              for (const ch of t) need.set(ch, (need.get(ch) || 0) + 1);
              let missing = t.length;
              let left = 0, bestStart = 0, bestLen = s.length + 1;
              for (let right = 0; right < s.length; right++) {
                const ch = s[right];
                const have = need.get(ch) || 0;
                if (have > 0) missing--;
                need.set(ch, have - 1);
                if (missing === 0) {
                  while (need.get(s[left]) < 0) {
                    need.set(s[left], need.get(s[left]) + 1);
                    left++;
                  }
                  if (right - left + 1 < bestLen) {
                    bestStart = left;
                    bestLen = right - left + 1;
                  }
                  need.set(s[left], need.get(s[left]) + 1);
                  missing++;
                  left++;
                }
              }
              return bestLen <= s.length ? s.slice(bestStart, bestStart + bestLen) : "";
            }
        ''')),
        cpp=dict(entry="minWindowCover", params=[("string", "s"), ("string", "t")], returns="string", solution=code(r'''
            #include <string>
            #include <vector>
            using namespace std;

            string minWindowCover(string s, string t) {
                vector<int> need(256, 0);
                for (unsigned char ch : t) need[ch]++;
                int missing = (int)t.size();
                int left = 0, bestStart = 0, bestLen = (int)s.size() + 1;
                for (int right = 0; right < (int)s.size(); ++right) {
                    unsigned char ch = (unsigned char)s[right];
                    if (need[ch] > 0) --missing;
                    need[ch]--;
                    if (missing == 0) {
                        while (need[(unsigned char)s[left]] < 0) {
                            need[(unsigned char)s[left]]++;
                            ++left;
                        }
                        if (right - left + 1 < bestLen) {
                            bestStart = left;
                            bestLen = right - left + 1;
                        }
                        need[(unsigned char)s[left]]++;
                        ++missing;
                        ++left;
                    }
                }
                return bestLen <= (int)s.size() ? s.substr(bestStart, bestLen) : "";
            }
        ''')),
        visible=[
            (["xaybzcxab", "abc"], "cxab"),
            (["aabbcc", "abc"], "abbc"),
            (["a", "b"], ""),
        ],
        hidden=[
            (["", "a"], ""),
            (["abc", "abcd"], ""),
            (["bba", "ab"], "ba"),
            (["aa", "aa"], "aa"),
            (["zzazbzczzabc", "abc"], "abc"),
            (["AaBb", "ab"], "aBb"),
            (["x" * 1000 + "y", "xy"], "xy"),
        ],
    ),
    dict(
        id="code-039",
        title="Largest Billboard in a Skyline",
        difficulty="hard",
        skills=["Data Structures", "Algorithms", "Complexity Analysis"],
        prompt=text("""
            A skyline is given as building heights, each building one unit wide, standing
            side by side. A rectangular billboard must fit entirely within the buildings
            it spans: its height can be at most the height of the lowest building under
            it.

            Write `largest_rectangle(heights)` that returns the largest possible
            billboard area. Aim for O(n) time.

            Example 1:
              Input:  heights = [3, 1, 4, 4, 2]
              Output: 8            (height 4 across the two buildings of height 4)

            Example 2:
              Input:  heights = [2, 2, 2, 2]
              Output: 8

            Constraints:
              0 <= len(heights) <= 10^5
              0 <= heights[i] <= 10^9   (the area may exceed 32 bits)
        """),
        hints=[
            "For each building, the best rectangle using its full height extends left and right until a lower building.",
            "A stack of buildings with increasing heights lets you find those boundaries: a building is popped when a lower one arrives.",
            "When popping, the popped height spans from the start index it was pushed with to the current index; append a sentinel height 0 to flush the stack at the end.",
        ],
        follow_ups=[
            "Why is each index pushed and popped at most once?",
            "How would you find the largest rectangle of 1s in a binary matrix using this function?",
        ],
        entry="largest_rectangle",
        params="heights",
        doc="Return the largest rectangle area that fits under the histogram heights.",
        solution=code(r'''
            def largest_rectangle(heights):
                best = 0
                stack = []  # (start index, height) with increasing heights
                for i, h in enumerate(list(heights) + [0]):
                    start = i
                    while stack and stack[-1][1] >= h:
                        start, height = stack.pop()
                        best = max(best, height * (i - start))
                    stack.append((start, h))
                return best
        '''),
        cpp=dict(entry="largestRectangle", params=[("vector<int>", "heights")], returns="long long", solution=code(r'''
            #include <vector>
            #include <utility>
            #include <algorithm>
            using namespace std;

            long long largestRectangle(vector<int> heights) {
                heights.push_back(0);
                vector<pair<int, long long>> stack;  // (start index, height)
                long long best = 0;
                for (int i = 0; i < (int)heights.size(); ++i) {
                    int start = i;
                    long long h = heights[i];
                    while (!stack.empty() && stack.back().second >= h) {
                        start = stack.back().first;
                        best = max(best, stack.back().second * (long long)(i - start));
                        stack.pop_back();
                    }
                    stack.push_back({start, h});
                }
                return best;
            }
        ''')),
        visible=[
            ([[3, 1, 4, 4, 2]], 8),
            ([[5]], 5),
            ([[2, 2, 2, 2]], 8),
        ],
        hidden=[
            ([[]], 0),
            ([[0, 0]], 0),
            ([[1, 2, 3, 4, 5]], 9),
            ([[6, 2, 5, 4, 5, 1, 6]], 12),
            ([[1000000000, 1000000000]], 2000000000),
            ([[2, 1, 2]], 3),
        ],
    ),
    dict(
        id="code-040",
        title="Longest Climb on a Terrain Map",
        difficulty="hard",
        skills=["Dynamic Programming", "Graphs"],
        prompt=text("""
            A terrain map is a grid of integer elevations. A climb is a path that moves
            up, down, left or right to a neighbouring cell and is strictly increasing in
            elevation at every step. It may start anywhere.

            Write `longest_climb(grid)` that returns the number of cells in the longest
            climb (0 for an empty grid).

            Example 1:
              Input:  grid = [[1, 2, 3],
                              [6, 5, 4],
                              [7, 8, 9]]
              Output: 9            (1 -> 2 -> ... -> 9 snakes through every cell)

            Example 2:
              Input:  grid = [[5, 5],
                              [5, 5]]
              Output: 1

            Constraints:
              0 <= rows, cols <= 100
              -10^9 <= grid[r][c] <= 10^9
        """),
        hints=[
            "Because elevations strictly increase along a climb, a climb can never revisit a cell: the moves form a directed acyclic graph.",
            "Let best[cell] be the longest climb starting at that cell; it equals 1 + the best among higher neighbours.",
            "Compute best with memoised DFS, or iteratively by visiting cells from highest to lowest elevation so higher neighbours are already done.",
        ],
        follow_ups=[
            "Why is memoisation safe here when it is not for general longest-path problems?",
            "A recursive solution can hit Python's recursion limit on a 100 x 100 grid. How do you avoid that?",
            "How would you return the path itself?",
        ],
        entry="longest_climb",
        params="grid",
        doc="Return the number of cells in the longest strictly increasing 4-directional path.",
        solution=code(r'''
            def longest_climb(grid):
                if not grid or not grid[0]:
                    return 0
                rows, cols = len(grid), len(grid[0])
                best = [[1] * cols for _ in range(rows)]
                cells = sorted(((grid[r][c], r, c) for r in range(rows) for c in range(cols)), reverse=True)
                answer = 0
                for value, r, c in cells:
                    for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] > value:
                            best[r][c] = max(best[r][c], best[nr][nc] + 1)
                    answer = max(answer, best[r][c])
                return answer
        '''),
        visible=[
            ([[[1, 2, 3], [6, 5, 4], [7, 8, 9]]], 9),
            ([[[5, 5], [5, 5]]], 1),
            ([[[7, 1, 2]]], 2),
        ],
        hidden=[
            ([[]], 0),
            ([[[42]]], 1),
            ([[[-1, -2], [-4, -3]]], 4),
            ([[[1, 10, 1], [10, 1, 10], [1, 10, 1]]], 2),
            ([[[r * 20 + c for c in range(20)] for r in range(20)]], 39),
            ([[[3], [2], [1], [2], [3]]], 3),
        ],
    ),
    dict(
        id="code-041",
        title="Median of Two Sorted Lists",
        difficulty="hard",
        skills=["Algorithms", "Complexity Analysis"],
        prompt=text("""
            Two data centres each report a sorted list of response times. Write
            `median_two_sorted(a, b)` that returns the median of all values from both
            lists together, as a float. For an even total count the median is the mean
            of the two middle values.

            Aim for O(log(min(len(a), len(b)))) time; merging the lists is O(n) and
            misses the point. Answers within 1e-9 of the expected value are accepted.

            Example 1:
              Input:  a = [1, 4, 9], b = [2, 3]
              Output: 3.0

            Example 2:
              Input:  a = [10, 20], b = [30, 40]
              Output: 25.0

            Constraints:
              0 <= len(a), len(b) <= 10^5, len(a) + len(b) >= 1
              -10^9 <= a[i], b[i] <= 10^9, both lists sorted ascending
        """),
        hints=[
            "The median splits the combined values into a left half and a right half of (almost) equal size.",
            "If you take i values from a for the left half, you must take half - i from b. Binary search on i in the shorter list.",
            "The split is correct when a[i-1] <= b[j] and b[j-1] <= a[i] (treat out-of-range values as -inf / +inf); then the median comes from max of the left sides and min of the right sides.",
        ],
        follow_ups=[
            "Why binary search over the shorter list?",
            "How would you generalise this to find the k-th smallest element of the union?",
            "What goes wrong if you compute (x + y) / 2 with 32-bit integers?",
        ],
        entry="median_two_sorted",
        params="a, b",
        doc="Return the median of the union of the sorted lists a and b as a float.",
        solution=code(r'''
            def median_two_sorted(a, b):
                if len(a) > len(b):
                    a, b = b, a
                m, n = len(a), len(b)
                half = (m + n + 1) // 2
                lo, hi = 0, m
                while True:
                    i = (lo + hi) // 2
                    j = half - i
                    a_left = a[i - 1] if i > 0 else float("-inf")
                    a_right = a[i] if i < m else float("inf")
                    b_left = b[j - 1] if j > 0 else float("-inf")
                    b_right = b[j] if j < n else float("inf")
                    if a_left <= b_right and b_left <= a_right:
                        left_max = max(a_left, b_left)
                        if (m + n) % 2:
                            return float(left_max)
                        return (left_max + min(a_right, b_right)) / 2
                    if a_left > b_right:
                        hi = i - 1
                    else:
                        lo = i + 1
        '''),
        cpp=dict(entry="medianTwoSorted", params=[("vector<int>", "a"), ("vector<int>", "b")], returns="double", solution=code(r'''
            #include <vector>
            #include <algorithm>
            #include <climits>
            using namespace std;

            double medianTwoSorted(vector<int> a, vector<int> b) {
                if (a.size() > b.size()) swap(a, b);
                int m = (int)a.size(), n = (int)b.size();
                int half = (m + n + 1) / 2;
                int lo = 0, hi = m;
                while (true) {
                    int i = (lo + hi) / 2;
                    int j = half - i;
                    long long aLeft = i > 0 ? a[i - 1] : LLONG_MIN;
                    long long aRight = i < m ? a[i] : LLONG_MAX;
                    long long bLeft = j > 0 ? b[j - 1] : LLONG_MIN;
                    long long bRight = j < n ? b[j] : LLONG_MAX;
                    if (aLeft <= bRight && bLeft <= aRight) {
                        long long leftMax = max(aLeft, bLeft);
                        if ((m + n) % 2) return (double)leftMax;
                        return (double)(leftMax + min(aRight, bRight)) / 2.0;
                    }
                    if (aLeft > bRight) hi = i - 1;
                    else lo = i + 1;
                }
            }
        ''')),
        case_options={"tolerance": 1e-9},
        visible=[
            ([[1, 4, 9], [2, 3]], 3.0),
            ([[10, 20], [30, 40]], 25.0),
            ([[], [7]], 7.0),
        ],
        hidden=[
            ([[5], []], 5.0),
            ([[1, 1, 1], [1, 1]], 1.0),
            ([[-5, -3], [-4, -2, -1, 0]], -2.5),
            ([[1000000000], [1000000000]], 1000000000.0),
            ([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11]], 6.0),
            ([[2], [1, 3, 4]], 2.5),
            ([[-1000000000, 1000000000], [0]], 0.0),
        ],
    ),
    dict(
        id="code-042",
        title="Wildcard File Matcher",
        difficulty="hard",
        skills=["Dynamic Programming", "Strings", "Recursion"],
        prompt=text("""
            A file browser filters names with wildcard patterns: '?' matches exactly one
            character, '*' matches any sequence of characters (including none), and
            every other character matches only itself. The pattern must match the whole
            name.

            Write `glob_match(text, pattern)` that returns True if `pattern` matches
            `text`. It must stay fast for patterns with many '*' (a naive backtracking
            search can take exponential time).

            Example 1:
              Input:  text = "report.csv", pattern = "*.csv"
              Output: True

            Example 2:
              Input:  text = "data1", pattern = "data?"
              Output: True

            Example 3:
              Input:  text = "abc", pattern = "a*d"
              Output: False

            Constraints:
              0 <= len(text), len(pattern) <= 2000
        """),
        hints=[
            "Define match(i, j): does text[i:] match pattern[j:]? Write the cases for '*', '?' and plain characters.",
            "'*' either matches nothing (skip the star) or consumes one character and stays in place. Memoise or tabulate to avoid repeated work.",
            "Tabulate dp[i][j] for prefixes: dp[0][0] = True; a leading run of '*' matches the empty text; for '*', dp[i][j] = dp[i][j-1] or dp[i-1][j]. Keep only two rows.",
        ],
        follow_ups=[
            "Show an input that makes naive backtracking exponential.",
            "There is a greedy O(len(text) * len(pattern)) worst-case algorithm that remembers only the last '*'. How does it work?",
            "How would you add character classes such as [a-z]?",
        ],
        entry="glob_match",
        params="text, pattern",
        doc="Return True if the wildcard pattern ('?' one char, '*' any run) matches all of text.",
        solution=code(r'''
            def glob_match(text, pattern):
                n = len(pattern)
                prev = [False] * (n + 1)
                prev[0] = True
                for j in range(1, n + 1):
                    prev[j] = prev[j - 1] and pattern[j - 1] == "*"
                for ch in text:
                    cur = [False] * (n + 1)
                    for j in range(1, n + 1):
                        p = pattern[j - 1]
                        if p == "*":
                            cur[j] = cur[j - 1] or prev[j]
                        elif p == "?" or p == ch:
                            cur[j] = prev[j - 1]
                    prev = cur
                return prev[n]
        '''),
        visible=[
            (["report.csv", "*.csv"], True),
            (["data1", "data?"], True),
            (["abc", "a*d"], False),
        ],
        hidden=[
            (["", ""], True),
            (["", "*"], True),
            (["", "?"], False),
            (["aaaa", "***a"], True),
            (["abcde", "a*c?e"], True),
            (["ab", "*?*?*?*"], False),
            (["a*b", "a?b"], True),
        ],
        script=code(r'''
            def check(candidate):
                assert candidate("a" * 200 + "b", "*a*a*a*a*a*c") is False
                assert candidate("a" * 200, "*" * 50 + "a") is True
                assert candidate("abc", "*?*?*?*") is True
                assert candidate("x" * 300, "?" * 299) is False
        '''),
    ),
    dict(
        id="code-043",
        title="Count Out-of-Order Pairs",
        difficulty="hard",
        skills=["Sorting", "Recursion", "Complexity Analysis"],
        prompt=text("""
            To measure how unsorted a ranking is, count its inversions: pairs of
            positions i < j with nums[i] > nums[j]. Equal values are not an inversion.

            Write `count_inversions(nums)` that returns the number of inversions. The
            list can hold 10^5 values, so an O(n^2) double loop is too slow; aim for
            O(n log n).

            Example 1:
              Input:  nums = [2, 4, 1, 3, 5]
              Output: 3            ((2, 1), (4, 1), (4, 3))

            Example 2:
              Input:  nums = [3, 2, 1]
              Output: 3

            Constraints:
              0 <= len(nums) <= 10^5
              -10^9 <= nums[i] <= 10^9
        """),
        hints=[
            "Split the list in half: inversions are inside the left half, inside the right half, or cross between them.",
            "If both halves are sorted, cross inversions can be counted while merging them.",
            "During the merge, when you take an element from the right half, it forms an inversion with every element still remaining in the left half: add len(left) - i.",
        ],
        follow_ups=[
            "Why must you take from the left half when the two front values are equal?",
            "How would you solve it with a Fenwick (binary indexed) tree instead?",
            "What is the maximum possible answer for n = 10^5, and does it fit in 32 bits?",
        ],
        entry="count_inversions",
        params="nums",
        doc="Return the number of pairs i < j with nums[i] > nums[j].",
        solution=code(r'''
            def count_inversions(nums):
                def sort_count(arr):
                    if len(arr) <= 1:
                        return arr, 0
                    mid = len(arr) // 2
                    left, inv_left = sort_count(arr[:mid])
                    right, inv_right = sort_count(arr[mid:])
                    merged = []
                    inversions = inv_left + inv_right
                    i = j = 0
                    while i < len(left) and j < len(right):
                        if left[i] <= right[j]:
                            merged.append(left[i])
                            i += 1
                        else:
                            merged.append(right[j])
                            j += 1
                            inversions += len(left) - i
                    merged.extend(left[i:])
                    merged.extend(right[j:])
                    return merged, inversions

                return sort_count(list(nums))[1]
        '''),
        visible=[
            ([[2, 4, 1, 3, 5]], 3),
            ([[1, 2, 3]], 0),
            ([[3, 2, 1]], 3),
        ],
        hidden=[
            ([[]], 0),
            ([[7]], 0),
            ([[2, 2, 2]], 0),
            ([[5, -1, 5, -1]], 3),
            ([[1000000000, -1000000000]], 1),
            ([list(range(300, 0, -1))], 44850),
        ],
        script=code(r'''
            def check(candidate):
                n = 20000
                assert candidate(list(range(n, 0, -1))) == n * (n - 1) // 2
                assert candidate(list(range(n))) == 0
                assert candidate([1, 0] * 1000) == 1000 * 1001 // 2
        '''),
    ),
    dict(
        id="code-044",
        title="Fewest Palindrome Cuts",
        difficulty="hard",
        skills=["Dynamic Programming", "Strings"],
        prompt=text("""
            A string is cut into pieces so that every piece is a palindrome (reads the
            same forwards and backwards). Write `min_palindrome_cuts(s)` that returns the
            minimum number of cuts needed. A string that is already a palindrome, or
            empty, needs 0 cuts.

            Example 1:
              Input:  s = "noonabc"
              Output: 3            ("noon" | "a" | "b" | "c")

            Example 2:
              Input:  s = "racecar"
              Output: 0

            Example 3:
              Input:  s = "banana"
              Output: 1            ("b" | "anana")

            Constraints:
              0 <= len(s) <= 1000
        """),
        hints=[
            "Let cuts[i] be the fewest cuts for the prefix s[:i]; the last piece is some palindrome s[j:i].",
            "cuts[i] = min(cuts[j] + 1) over palindromic s[j:i], with cuts[0] = -1 so a whole-prefix palindrome costs 0. Checking palindromes naively makes this O(n^3).",
            "Expand around every centre (odd and even lengths): each palindrome s[l..r] found gives cuts[r+1] = min(cuts[r+1], cuts[l] + 1). That is O(n^2) overall.",
        ],
        follow_ups=[
            "Why is processing centres from left to right enough to make cuts[l] final when it is used?",
            "How would you return the pieces, not just the count?",
            "How would you list every possible palindrome partition, and how many can there be?",
        ],
        entry="min_palindrome_cuts",
        params="s",
        doc="Return the minimum number of cuts so every piece of s is a palindrome.",
        solution=code(r'''
            def min_palindrome_cuts(s):
                n = len(s)
                if n == 0:
                    return 0
                cuts = [i - 1 for i in range(n + 1)]
                for center in range(n):
                    for l, r in ((center, center), (center, center + 1)):
                        while l >= 0 and r < n and s[l] == s[r]:
                            cuts[r + 1] = min(cuts[r + 1], cuts[l] + 1)
                            l -= 1
                            r += 1
                return cuts[n]
        '''),
        visible=[
            (["noonabc"], 3),
            (["racecar"], 0),
            (["banana"], 1),
        ],
        hidden=[
            ([""], 0),
            (["a"], 0),
            (["ab"], 1),
            (["aaaa"], 0),
            (["abacdc"], 1),
            (["abcd"], 3),
            (["ab" * 100], 1),
        ],
    ),
]


# ---------------------------------------------------------------------------
# Record builders
# ---------------------------------------------------------------------------

CPP_DEFAULT_RETURN = {
    "int": "0",
    "long long": "0",
    "double": "0.0",
    "bool": "false",
    "string": '""',
}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def python_starter(p: dict) -> str:
    return (f"def {p['entry']}({p['params']}):\n"
            f"    \"\"\"{p['doc']}\"\"\"\n"
            f"    pass\n")


def js_starter(p: dict) -> str:
    params = ", ".join(camel(x.strip()) for x in p["params"].split(","))
    return (f"/**\n * {p['doc']}\n */\n"
            f"function {p['js']['entry']}({params}) {{\n"
            f"  // Your code here\n"
            f"}}\n")


def cpp_starter(p: dict) -> str:
    cpp = p["cpp"]
    params = ", ".join(f"{t} {camel(n)}" for t, n in cpp["params"])
    ret = cpp["returns"]
    default = CPP_DEFAULT_RETURN.get(ret, "{}")
    return ("#include <string>\n#include <vector>\nusing namespace std;\n\n"
            f"// {p['doc']}\n"
            f"{ret} {cpp['entry']}({params}) {{\n"
            f"    // Your code here\n"
            f"    return {default};\n"
            f"}}\n")


def coding_record(p: dict) -> dict:
    languages = {"python": {"entry_point": p["entry"], "starter": python_starter(p)}}
    solution = {"python": p["solution"]}
    if "js" in p:
        languages["javascript"] = {"entry_point": p["js"]["entry"], "starter": js_starter(p)}
        solution["javascript"] = p["js"]["solution"]
    if "cpp" in p:
        cpp = p["cpp"]
        languages["cpp"] = {
            "entry_point": cpp["entry"],
            "signature": {"args": [t for t, _ in cpp["params"]], "returns": cpp["returns"]},
            "starter": cpp_starter(p),
        }
        solution["cpp"] = cpp["solution"]
    options = p.get("case_options", {})
    cases = []
    for hidden, group in ((False, p["visible"]), (True, p["hidden"])):
        for args, expected in group:
            cases.append({"args": args, "expected": expected, "hidden": hidden, **options})
    tests = {"cases": cases}
    if "script" in p:
        tests["script"] = {"python": p["script"]}
    return {
        "id": p["id"],
        "kind": "coding",
        "title": p["title"],
        "prompt": p["prompt"],
        "skills": p["skills"],
        "difficulty": p["difficulty"],
        "hints": p["hints"],
        "follow_ups": p["follow_ups"],
        "languages": languages,
        "tests": tests,
        "solution": solution,
    }


def verbal_record(q: dict, kind: str) -> dict:
    record = {
        "id": q["id"],
        "kind": kind,
        "title": q["title"],
        "prompt": q["prompt"],
        "skills": q["skills"],
        "difficulty": q["difficulty"],
        "strong_answer": q["strong_answer"],
        "follow_ups": q["follow_ups"],
    }
    if q.get("hints"):
        record["hints"] = q["hints"]
    return record


PACKS = [
    ("core-behavioral", "Core behavioral questions",
     lambda: [verbal_record(q, "behavioral") for q in BEHAVIORAL]),
    ("core-coding", "Core coding problems",
     lambda: [coding_record(p) for p in CODING]),
    ("core-system-design", "Core system design questions",
     lambda: [verbal_record(q, "system_design") for q in SYSTEM_DESIGN]),
]


def write_pack(pack_id: str, title: str, records: list[dict]) -> Path:
    ids = [r["id"] for r in records]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SystemExit(f"{pack_id}: duplicate ids {duplicates}")
    header = {"format": "perfect-pitch-pack", "version": FORMAT_VERSION,
              "id": pack_id, "title": title, "license": LICENSE}
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [json.dumps(r, ensure_ascii=False) for r in records]
    path = OUT_DIR / f"{pack_id}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    for pack_id, title, build in PACKS:
        assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", pack_id)
        records = build()
        path = write_pack(pack_id, title, records)
        print(f"wrote {path.name}: {len(records)} questions")


if __name__ == "__main__":
    main()
