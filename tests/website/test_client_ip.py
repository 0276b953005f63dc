"""The client's address: one reading for rate limits, hashes and blocked networks; it never raises."""

from django.test import RequestFactory, override_settings

from website import client_ip


def test_ipv6_addresses_share_their_64_like_django_ratelimit():
    one = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert client_ip.key(one) == client_ip.key(other) == "2001:db8:1:2::"
    assert client_ip.address(one) == "2001:db8:1:2::1"  # the whole address, for blocked networks


def test_an_ipv4_address_is_its_own_key():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    assert client_ip.address(request) == client_ip.key(request) == "192.0.2.7"


@override_settings(RATELIMIT_IP_META_KEY="HTTP_X_FORWARDED_FOR")
def test_behind_a_proxy_the_last_forwarded_address_counts_and_several_hops_do_not_raise():
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9,192.0.2.44")
    assert client_ip.address(request) == client_ip.key(request) == "192.0.2.44"


@override_settings(RATELIMIT_IP_META_KEY="HTTP_X_FORWARDED_FOR")
def test_a_missing_or_malformed_address_is_empty_not_an_error():
    assert client_ip.key(RequestFactory().get("/")) == ""
    assert client_ip.key(RequestFactory().get("/", HTTP_X_FORWARDED_FOR="unknown")) == ""
