"""admin.forms.Submission: a posted change commits as one, and a refusal changes nothing —
bad input comes back naming its field with what was typed, a permission is a 403."""
import pytest
import sqlalchemy as sa
from werkzeug.exceptions import Forbidden

from admin import forms
from models import Department, db
from workflow.errors import PermissionDenied, ValidationError


def _department_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Department))


def test_a_change_that_goes_through_is_committed(app):
    before = _department_count()
    with app.test_request_context(method="POST", data={"name": "绿化部"}):
        with forms.Submission("department") as sent:
            db.session.add(Department(name=forms.text("name"), phone=""))
    db.session.rollback()  # nothing pending is left to undo: the row was committed
    assert sent.refused is None
    assert _department_count() == before + 1


def test_bad_input_rolls_back_and_names_the_field_with_what_was_typed(app):
    before = _department_count()
    with app.test_request_context(method="POST", data={"name": "绿化部", "phone": "abc", "csrf_token": "t"}):
        with forms.Submission("department") as sent:
            db.session.add(Department(name=forms.text("name"), phone=""))
            db.session.flush()
            raise ValidationError("电话号码不正确", field="phone")
    assert _department_count() == before
    assert sent.refused.form == "department" and sent.refused.field == "phone"
    assert sent.refused.message == "电话号码不正确"
    assert sent.refused.value("name") == "绿化部" and sent.refused.value("csrf_token") == ""


def test_a_secret_is_never_put_back_into_the_form(app):
    with app.test_request_context(method="POST", data={"username": "li", "password": "hunter22"}):
        with forms.Submission("staff", secret=("password",)) as sent:
            raise ValidationError("密码太短", field="password")
    assert sent.refused.value("username") == "li" and sent.refused.value("password") == ""


def test_a_permission_refused_is_a_403_and_changes_nothing(app):
    before = _department_count()
    with app.test_request_context(method="POST"), pytest.raises(Forbidden):
        with forms.Submission("department"):
            db.session.add(Department(name="保洁部二", phone=""))
            db.session.flush()
            raise PermissionDenied("无权修改")
    assert _department_count() == before


def test_any_other_error_is_not_swallowed(app):
    with app.test_request_context(method="POST"), pytest.raises(KeyError):
        with forms.Submission("department"):
            raise KeyError("bug")
