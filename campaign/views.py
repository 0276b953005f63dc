"""Plain views of the campaign app outside the page tree: the JSON postcode lookup.

The letter journey itself is served by LetterPage's routes (campaign.models.letters).
"""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from campaign import lookup
from campaign.models.letters import lookups_exceeded, private


@csrf_exempt  # reads only: no state changes, no cookies needed; the postcode travels in the POST body
@require_POST
@never_cache
def postcode_lookup(request):
    """JSON: the constituency and MP for a POSTed `postcode`. One indexed query; rate-limited per IP."""
    if lookups_exceeded(request):
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
    return private(JsonResponse(data))
