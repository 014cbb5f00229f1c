"""SQLAlchemy 2 models, one module per aggregate. Importing this package registers every
table on Base.metadata (Alembic and create_all rely on that)."""
from models.base import Base, Database, db, utcnow
from models.campaigns import (
    Campaign,
    CampaignAnswer,
    CampaignQuestion,
    CampaignRecipient,
    MonthlyReport,
    VisitPlan,
    VisitPlanItem,
)
from models.faq import AskedQuestion, FaqEntry
from models.fees import FeeItem, QuoteLine
from models.messages import Conversation, Message
from models.notices import Notice, NoticeRecipient
from models.outbox import Outbox
from models.people import ApiToken, Department, Role, Site, Staff, Tenant, Unit, staff_sites
from models.rules import ClassificationCorrection, ComplaintCode, KeywordRule
from models.tickets import (
    OPEN_STATUSES,
    Channel,
    DispatchOrder,
    FollowUp,
    RainDay,
    Status,
    Survey,
    Ticket,
    TicketCounter,
    TicketEvent,
    TicketFile,
)

__all__ = [
    "ApiToken", "AskedQuestion", "Base", "Campaign", "CampaignAnswer", "CampaignQuestion", "CampaignRecipient",
    "Channel", "ClassificationCorrection", "ComplaintCode", "Conversation", "Database", "Department",
    "DispatchOrder", "FaqEntry", "FeeItem", "FollowUp", "KeywordRule", "Message", "MonthlyReport", "Notice",
    "NoticeRecipient", "OPEN_STATUSES", "Outbox", "QuoteLine", "RainDay", "Role", "Site", "Staff", "Status",
    "Survey", "Tenant", "Ticket", "TicketCounter", "TicketEvent", "TicketFile", "Unit", "VisitPlan", "VisitPlanItem",
    "db", "staff_sites", "utcnow",
]
