"""The parts of ``make bench`` (``tests/bench.py``): each module measures one area."""
