"""The letter journey's steps, served by LetterPage's routes. POST only past the first step; no-store.

postcode ─POST→ lookup → "your MP is …" + details form (carrying a signed constituency code, never the
postcode) ─POST→ the finished letter (and one anonymous count) ─POST pdf/→ the PDF download.
"""

from datetime import date
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from campaign import lookup, pdf
from campaign.forms import LetterForm, PostcodeForm, sign_constituency
from campaign.models import LetterCount, PostcodeImport
from website import ratelimits

PARLIAMENT_ADDRESS = "House of Commons\nLondon SW1A 0AA"


def _render(page, request, step, **context):
    context.update(page=page, self=page, step=step, demo_data_only=PostcodeImport.only_demo_data())
    response = TemplateResponse(request, page.get_template(request), page.get_context(request) | context)
    return _private(response)


def _private(response):
    # Personal details are on these pages: no copy in any cache, browser or proxy.
    response["Cache-Control"] = "no-store, max-age=0"
    return response


def journey(page, request):
    if request.method != "POST":
        return _render(page, request, "postcode", form=PostcodeForm())
    if request.POST.get("step") == "letter":
        return _letter_step(page, request)
    if request.POST.get("step") == "edit":
        return _edit_step(page, request)
    return _postcode_step(page, request)


def _lookup_limited(request, group="campaign.lookup"):
    # One budget per IP address for the page and the JSON lookup together; another for making letters
    # and PDFs (which are counted, and cost CPU).
    if request.method != "POST":
        return False
    return ratelimits.exceeded(request, group, settings.LETTER_LOOKUP_RATE)


def _postcode_step(page, request):
    if _lookup_limited(request):
        return _private(ratelimits.too_many_requests(request))
    form = PostcodeForm(request.POST)
    if not form.is_valid():
        return _render(page, request, "postcode", form=form, result=getattr(form, "result", None))
    result = form.result
    details = LetterForm(page=page, initial={"ref": sign_constituency(result.constituency_code)})
    return _render(page, request, "details", form=details, result=result)


def _letter_step(page, request):
    if _lookup_limited(request, group="campaign.letter"):
        return _private(ratelimits.too_many_requests(request))
    form = LetterForm(request.POST, page=page)
    result = _result_for(form)
    if not form.is_valid() or result is None:
        if result is None:
            # An expired or tampered reference: start again from the postcode.
            return _render(page, request, "postcode", form=PostcodeForm(), expired=True)
        return _render(page, request, "details", form=form, result=result)
    subject, body = _letter(page, form, result)
    LetterCount.record(result.constituency_code)
    return _render(
        page,
        request,
        "letter",
        form=form,
        result=result,
        subject=subject,
        body=body,
        recipient=f"{result.mp_name} MP\n{PARLIAMENT_ADDRESS}",
        mailto=mailto_link(result.mp_email, subject, body),
    )


def _edit_step(page, request):
    """Back from the finished letter to the details form, with what the writer typed still in it."""
    bound = LetterForm(request.POST, page=page)
    result = _result_for(bound)
    if result is None:
        return _render(page, request, "postcode", form=PostcodeForm(), expired=True)
    fields = ("ref", "sender_name", "sender_address", "personal_paragraph")
    form = LetterForm(page=page, initial={name: request.POST.get(name, "") for name in fields})
    return _render(page, request, "details", form=form, result=result)


def letter_pdf(page, request):
    if _lookup_limited(request, group="campaign.letter"):
        return _private(ratelimits.too_many_requests(request))
    form = LetterForm(request.POST, page=page)
    result = _result_for(form)
    if not form.is_valid() or result is None:
        return _render(page, request, "postcode", form=PostcodeForm(), expired=True)
    subject, body = _letter(page, form, result)
    content = pdf.letter_pdf(
        subject=subject,
        body=body,
        recipient=f"{result.mp_name} MP\n{PARLIAMENT_ADDRESS}",
        dated=date.today(),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="letter-to-your-mp.pdf"'
    return _private(response)


def _result_for(form):
    """The MP for the form's signed constituency code, or None when the code is missing or bad."""
    form.is_valid()
    code = form.cleaned_data.get("ref") if hasattr(form, "cleaned_data") else None
    if not code:
        return None
    result = lookup.result_for_constituency(code)
    return result if result.ok else None


def _letter(page, form, result):
    data = form.cleaned_data
    return page.render_letter(
        {
            "mp_name": result.mp_name,
            "constituency": result.constituency_name,
            "sender_name": data["sender_name"],
            "sender_address": data["sender_address"],
            "personal_paragraph": data["personal_paragraph"],
        }
    )


def mailto_link(to, subject, body):
    """RFC 6068: percent-encode everything, with line breaks as %0D%0A."""
    encoded_body = quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{quote(to or '', safe='@')}?subject={quote(subject, safe='')}&body={encoded_body}"


@csrf_exempt  # reads only: no state changes, no cookies needed; the postcode travels in the POST body
@require_POST
@never_cache
def postcode_lookup(request):
    """JSON: the constituency and MP for a POSTed `postcode`. One indexed query; rate-limited per IP."""
    if _lookup_limited(request):
        return JsonResponse(
            {"kind": "rate_limited", "message": "Too many lookups. Please wait a minute."}, status=429
        )
    result = lookup.lookup(request.POST.get("postcode", ""))
    data = {"kind": result.kind, "message": result.message}
    if result.constituency_code:
        data["constituency"] = {
            "code": result.constituency_code,
            "name": result.constituency_name,
            "country": result.country,
        }
    if result.ok:
        data["mp"] = {"name": result.mp_name, "party": result.mp_party}
    return _private(JsonResponse(data))
