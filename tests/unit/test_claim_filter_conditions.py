"""The WHERE clause of a filtered claim list names only the filters set."""

from kb.queries.claim_anchors import CONDITIONS, conditions, page_query


def test_only_set_filters_are_in_the_clause() -> None:
    where = conditions({"type": "factual", "status": None, "after": "", "q": "word"})
    assert CONDITIONS["type"] in where
    assert CONDITIONS["status"] not in where
    assert "$q" not in where
    assert "$after" not in where  # from the start, no cursor to read per row
    cursor = conditions({"type": "factual", "after": "c-0001"})
    assert cursor.startswith("WHERE c.id > $after")


def test_slot_none_asks_for_no_slot() -> None:
    assert CONDITIONS["slot_none"] in conditions({"slot": "none"})
    assert CONDITIONS["slot"] in conditions({"slot": "open"})


def test_a_filter_the_table_does_not_know_still_applies() -> None:
    # e.g. a filter another change added to the shared clause only
    where = conditions({"a_future_filter": 2})
    assert "$asserted_by_min IS NULL" in where  # the whole shared clause


def test_composite_anchors_order_by_their_index() -> None:
    assert "ORDER BY c.status, c.id" in page_query("status", {"status": "supported"})
    assert "ORDER BY c.id" in page_query("source", {"source": "s"})
    pair = page_query("type_status", {"type": "factual", "status": "supported"})
    assert "ORDER BY c.type, c.status, c.id" in pair
    # the index's seek applies both: not checked again per row
    assert pair.count(CONDITIONS["type"]) == 1 and pair.count(CONDITIONS["status"]) == 1


def test_the_stance_counts_read_stored_properties() -> None:
    where = conditions({"asserted_by_min": 2, "reported_by_min": 1})
    assert "c.asserted_by >= $asserted_by_min" in where
    assert "c.reported_by >= $reported_by_min" in where
    assert "COUNT {" not in where
