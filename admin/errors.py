"""Console error pages: refused (403), missing (404), too large (413), stale form (CSRF)."""
from __future__ import annotations

from flask import jsonify, render_template, request
from flask_wtf.csrf import CSRFError

from admin import bp


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def _page(status: int, title: str, message: str):
    if _wants_json():
        return jsonify(error=message), status
    return render_template("admin/error.html", status=status, title=title, message=message), status


@bp.errorhandler(403)
def forbidden(exc):
    description = exc.description if exc.description and not exc.description.startswith("You don't") else None
    return _page(403, "无权操作", description or "您的岗位或服务中心无权查看或执行此操作。")


@bp.errorhandler(400)
def bad_request(exc):
    description = exc.description if exc.description and not exc.description.startswith("The browser") else None
    return _page(400, "请求有误", description or "请求的参数不正确，请返回后重试。")


@bp.errorhandler(404)
def not_found(_exc):
    return _page(404, "未找到", "页面或记录不存在。")


@bp.errorhandler(413)
def too_large(_exc):
    return _page(413, "文件过大", "上传的内容过大，请重新拍摄或选择较小的照片后再试。")


@bp.errorhandler(CSRFError)
def stale_form(_exc):
    return _page(400, "请求已失效", "表单已过期或缺少安全令牌，请刷新页面后重试。")
