"""Reading the plans PostgreSQL gives for EXPLAIN (FORMAT JSON), for the search tests."""

import json


def plan_nodes(explained) -> list[dict]:
    """Every node of a plan, the top one first; psycopg hands the JSON decoded or as text."""
    if isinstance(explained, str):
        explained = json.loads(explained)
    nodes, waiting = [], [explained[0]["Plan"]]
    while waiting:
        node = waiting.pop(0)
        nodes.append(node)
        waiting += node.get("Plans", [])
    return nodes
