"""Demo terms of reference for the three communities, written for Common Ground from the
ideas in the groups' own documents (a clear aim, what is in and out of scope, membership
after more than one meeting, consensus first, the Chatham House Rule, a yearly review)."""

from __future__ import annotations


def _part(plain: str, easy: str) -> dict:
    return {"plain": plain, "easy": easy}


def _shared(meets: tuple[str, str]) -> dict:
    """The parts every community's terms share in the demo; the aim and scope differ."""
    return {
        "meets": _part(*meets),
        "membership": _part(
            "Anyone in the community is welcome to come. You count as a member of the group "
            "once you have been to more than one meeting. People move in and out of smaller "
            "working groups as their time allows, and that is fine.",
            "Anyone can come. You are a member after you come to 2 meetings.",
        ),
        "decisions": _part(
            "We try to agree together first. If the chair needs to test whether we really "
            "agree, members vote: a member is someone who has been to more than one meeting. "
            "Where we hold different views, any report says so.",
            "We try to agree together. Sometimes we vote. Members can vote.",
        ),
        "confidentiality": _part(
            "We meet under the Chatham House Rule: you may use what was said, but never say "
            "who said it. Notes record the discussion, not names. What is shared in "
            "confidence stays in the group unless the group agrees otherwise.",
            "You can talk about what people said. Do not say who said it.",
        ),
        "behaviour": _part(
            "We agreed how we behave, so anyone can point to it kindly when a meeting goes "
            "off track. Every idea is listened to and none is laughed at. We respect "
            "volunteers' time and staff's roles. When something goes wrong we learn from it "
            "rather than blame.",
            "We listen to every idea. We are kind. We learn when things go wrong.",
        ),
    }


TERMS = {
    "people": {
        "aim": _part(
            "We want the changes promised after the public consultation to happen, and to "
            "make services better for the people who use them and their carers.",
            "We want services to get better. We check that promised changes happen.",
        ),
        "in_scope": [
            _part(
                "How services give information to people who use them", "Information from services"
            ),
            _part(
                "Making it easier to give feedback and complain", "Telling services what you think"
            ),
            _part("Support for unpaid carers", "Help for carers"),
        ],
        "out_of_scope": [
            {
                "plain": "One person's own complaint",
                "easy": "Your own complaint",
                "instead": "the service's complaints team, or an advocate",
                "instead_easy": "the complaints team or an advocate",
            },
            {
                "plain": "How much staff are paid",
                "easy": "Staff pay",
                "instead": "the trade unions and the employer",
                "instead_easy": "the unions",
            },
        ],  # fmt: skip
        **_shared(
            (
                "Once a month, for two hours, online or in person.",
                "Once a month. Online or in a room.",
            )
        ),  # fmt: skip
    },
    "advocates": {
        "aim": _part(
            "We want advocates and campaigners to work as one voice, so decisions about "
            "services are shaped by the people most affected.",
            "We work together. People can change decisions about services.",
        ),
        "in_scope": [
            _part("Sharing what advocates see across the area", "Sharing what we see"),
            _part("Training in human rights for self-advocates", "Learning about rights"),
            _part("Joint responses to consultations", "Answering questions from services together"),
        ],
        "out_of_scope": [
            {
                "plain": "Legal advice on one person's case",
                "easy": "Legal help for 1 person",
                "instead": "a solicitor or a law centre",
                "instead_easy": "a law centre",
            },
            {
                "plain": "Party politics",
                "easy": "Political parties",
                "instead": "your own party or your local councillor",
                "instead_easy": "your councillor",
            },
        ],  # fmt: skip
        **_shared(("Every six weeks, online.", "Every 6 weeks. Online.")),
    },
    "staff": {
        "aim": _part(
            "We want staff to put the PANEL principles into everyday practice, and to learn "
            "from people who use services as equals.",
            "We want staff to use rights at work every day.",
        ),
        "in_scope": [
            _part("Rights-based ways of working in teams", "Using rights at work"),
            _part(
                "Co-producing changes with people who use services", "Making changes with people"
            ),
        ],
        "out_of_scope": [
            {
                "plain": "Disputes about one person's job",
                "easy": "Problems with your job",
                "instead": "your manager, human resources or your union",
                "instead_easy": "your manager or union",
            },
        ],  # fmt: skip
        **_shared(("Every two months, in working hours.", "Every 2 months, at work time.")),
    },
}
