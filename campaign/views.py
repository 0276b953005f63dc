"""Plain views of the campaign app outside the page tree: the letter page's postcode step, the JSON
postcode lookup, and the answer to a letter's follow-up email.

The rest of the letter journey is served by LetterPage's routes (campaign.models.letters). The postcode
form posts to `/letters/<id>/postcode/` instead: a primary-key query finds the page, where Wagtail's serve
would route through the tree, so the step costs little more than the lookup itself.
"""

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from campaign import follow_ups, letter_details, recipients
from campaign.follow_up_form import FollowUpAnswerForm
from campaign.forms import PostcodeForm
from campaign.letter_limits import lookups_exceeded, lookups_exceeded_and_read
from campaign.models.letters import LetterPage
from geography import lookup
from website import page_cache
from website.request_policy import ratelimits
from website.request_policy.cross_origin import same_origin_posts
from website.view_restrictions import refused_by_view_restrictions


@same_origin_posts  # reads only, like the JSON lookup: a post from another website is refused, token or not
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def letter_postcode(request, page_id):
    """The letter page's postcode step (LetterPage.postcode_step).

    The step changes nothing: it shows the MP for a postcode, as `/api/postcode-lookup/` does. So it skips
    Django's CSRF token check and refuses posts from other websites by the browser's own `Sec-Fetch-Site` /
    `Origin` (website.request_policy.cross_origin; docs/security.md). The details form it answers with carries
    this visitor's CSRF token as ever, because the letter's own steps post to the page with Django's check.

    A found postcode whose answer is already kept for this page and its representatives is answered from the
    kept copy (campaign.letter_details): one Redis round trip for the rate limit and the page cache's
    generation, and the lookup's one query (the listing of representatives is kept in the process under that
    generation: campaign.recipients).

    A GET is a reload, or a phone restoring the tab, of the address an answer left in the address bar: it
    goes back to the page's postcode form."""
    if request.method != "POST":
        page = LetterPage.objects.live().filter(pk=page_id).first()
        if page is None:
            raise Http404
        return HttpResponseRedirect(page.url)
    over, found = lookups_exceeded_and_read(request, letter_details.READ_WITH_THE_LIMIT)
    if over:
        return ratelimits.too_many_requests(request)
    form = PostcodeForm(request.POST)
    generation = (found or {}).get(page_cache.GENERATION_KEY)
    listing = recipients.for_postcode(form.result, generation) if form.is_valid() else None
    if listing is not None and (kept := letter_details.stored(request, page_id, form.result, found, listing)):
        return kept
    page = LetterPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    restrictions = page.get_view_restrictions()
    if refused_by_view_restrictions(page, request, restrictions):
        # This view bypasses Wagtail's serve: the page itself then asks for the password or sign-in.
        return HttpResponseRedirect(page.url, status=303)
    return page.postcode_step(request, form, share=not restrictions, listing=listing)


@csrf_exempt  # reads only: no state changes, no cookies needed; the postcode travels in the POST body
@require_POST
@never_cache
def postcode_lookup(request):
    """JSON: the constituency and MP for a POSTed `postcode`. One indexed query; rate-limited per IP."""
    if lookups_exceeded(request):
        return JsonResponse(
            {"kind": "rate_limited", "message": gettext("Too many lookups. Please wait a minute.")},
            status=429,
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
    return JsonResponse(data)


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def follow_up_answer(request, token):
    """The follow-up email's links (campaign.follow_ups). GET shows the answer, ready to confirm, and records
    nothing (mail scanners follow links); POST records it, once per follow-up. A link that is tampered with or
    too old gets a page saying so."""
    ticket = follow_ups.read_token(token)
    if ticket is None:
        return _follow_up_page(request, {"state": "invalid"}, status=404)
    context = {"state": "form", "name": ticket.name}
    if request.method == "POST":
        form = FollowUpAnswerForm(request.POST)
        if form.is_valid():
            recorded = follow_ups.record_answer(
                ticket,
                replied=form.cleaned_data["answer"] == follow_ups.REPLIED,
                position_as_read=form.cleaned_data["position"],
            )
            context["state"] = "thanks" if recorded else "answered"
            return _follow_up_page(request, context)
    elif follow_ups.already_answered(ticket):
        return _follow_up_page(request, {**context, "state": "answered"})
    else:
        chosen = request.GET.get("answer")
        form = FollowUpAnswerForm(
            initial={"answer": chosen} if chosen in (follow_ups.REPLIED, follow_ups.NOT_YET) else {}
        )
    return _follow_up_page(request, {**context, "form": form})


def _follow_up_page(request, context, status=200):
    response = render(request, "campaign/follow_up_answer.html", context, status=status)
    response["Referrer-Policy"] = "no-referrer"  # the token is in the address
    return response
