"""Exit codes come from one error base: a bug is never dressed up as bad parameters."""

import pytest

from analysis import errors


def test_a_pandas_error_inside_a_helper_is_not_reported_as_a_parameter_error(
    minimal_raw, tmp_path, run_cli, monkeypatch
):
    from analysis.display import answer

    def broken(*_args, **_kw):
        raise ValueError("Length of values (3) does not match length of index (2)")  # as pandas says it

    monkeypatch.setattr(answer, "stand_label", broken)  # called by the index, which the run's own process writes
    with pytest.raises(ValueError, match="Length of values"):  # not exit 2 with 'error: ...': a traceback
        run_cli("report", "--raw", minimal_raw, "--out", tmp_path / "processed", "--reports", tmp_path / "reports")


def test_every_user_error_carries_its_exit_code():
    codes = {
        cls.__name__: cls.exit_code
        for cls in (
            errors.DataValidationError,
            errors.ReconciliationError,
            errors.ParameterError,
            errors.NotOurFolder,
            errors.NoSuchVersion,
            errors.FolderBusy,
            errors.ChromiumMissing,
        )
    }
    assert codes == {
        "DataValidationError": 1,
        "ReconciliationError": 1,
        "ParameterError": 2,
        "NotOurFolder": 2,
        "NoSuchVersion": 2,
        "FolderBusy": 3,
        "ChromiumMissing": 4,
    }
    assert all(issubclass(getattr(errors, name), errors.ProjectError) for name in codes)
