"""Analysts' writes: evidence, slots, retraction, history."""
