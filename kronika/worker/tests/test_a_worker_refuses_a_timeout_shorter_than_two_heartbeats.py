from kronika.testing_over_http import run_kronika


def test_a_worker_refuses_a_timeout_shorter_than_two_heartbeats():
    result = run_kronika(
        "worker", KRONIKA_WORKER_HEARTBEAT_SECONDS="10", KRONIKA_WORKER_TIMEOUT_SECONDS="15"
    )

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "CommandError: KRONIKA_WORKER_TIMEOUT_SECONDS (15) must be at least twice "
        "KRONIKA_WORKER_HEARTBEAT_SECONDS (10)."
    ]
