"""The Qt-free core: engine, prompts, scoring, code runner, STT/LLM services, audio."""
