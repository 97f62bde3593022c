"""The counted pause of the cyclic collector (clinic_app.collector), from real threads."""

import gc
import threading

from clinic_app.collector import cyclic_gc_paused, pause_until_resumed


def test_overlapping_gc_pauses_from_threads_turn_the_collector_back_on():
    """Two workers pause the collector; the first to start finishes last, and the other way
    round. Either order must leave the collector as it found it."""
    assert gc.isenabled()
    for first_to_end in ("a", "b"):
        inside = {"a": threading.Event(), "b": threading.Event()}
        may_end = {"a": threading.Event(), "b": threading.Event()}

        def pause(name):
            with cyclic_gc_paused():
                inside[name].set()
                may_end[name].wait(5)

        a = threading.Thread(target=pause, args=("a",))
        a.start()
        assert inside["a"].wait(5)
        b = threading.Thread(target=pause, args=("b",))
        b.start()
        assert inside["b"].wait(5)
        assert not gc.isenabled()
        second = "b" if first_to_end == "a" else "a"
        may_end[first_to_end].set()
        {"a": a, "b": b}[first_to_end].join(5)
        assert not gc.isenabled(), "the collector came back while the other pause was still running"
        may_end[second].set()
        a.join(5)
        b.join(5)
        assert gc.isenabled(), f"collector left off after overlapping pauses ending {first_to_end} first"


def test_a_pause_started_while_the_collector_is_off_leaves_it_off():
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pause_until_resumed_counts_with_the_others_and_ends_once():
    resume = pause_until_resumed()
    assert not gc.isenabled()
    with cyclic_gc_paused():
        resume()
        resume()  # a second call must not end the block's pause
        assert not gc.isenabled()
    assert gc.isenabled()
