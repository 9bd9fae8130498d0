"""The dashboard (工作台, 质检, 预警, 投诉风险, 统计, 员工关怀, 审计, 规则): server-rendered pages, API process.

``create_app`` of :mod:`collectguard.api` includes :data:`router`; everything the pages
show comes from the service facade and :mod:`collectguard.service.dashboard`.
"""

from collectguard.web.routes import router

__all__ = ["router"]
