"""The client's address: one reading for rate limits, hashes and blocked networks; it never raises, and a
client never chooses it."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory, override_settings
from django_ratelimit.core import _get_ip

from website.request_policy import client_ip

NGINX = "127.0.0.1"
PROXIES = ["10.0.0.0/8", "2001:db8:ffff::/48"]

# What clients can send in X-Forwarded-For and X-Real-IP: nothing here may ever become the address.
WEIRD_HEADERS = [
    "",
    " ",
    ",",
    ",,,",
    "unknown",
    "_hidden, for=1.2.3.4",
    "203.0.113.5, unknown",
    "not an address",
    "999.1.1.1",
    "1.2.3.4.5",
    "[2001:db8::1",
    "2001:db8::1]",
    "1.2.3.4:99999:1",
    "\x00\x01\x7f",
    "💥, 🙂",
    "1.2.3.4;DROP TABLE",
    "for=192.0.2.60;proto=http;by=203.0.113.43",
    "1.2.3.4, " * 500,
    "a" * 10_000,
]


def request(remote=NGINX, forwarded=None, real_ip=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    if real_ip is not None:
        extra["HTTP_X_REAL_IP"] = real_ip
    return RequestFactory().post("/", **extra)


# Without configuration: REMOTE_ADDR, and no header is believed.


def test_an_ipv4_address_is_its_own_key():
    found = request("192.0.2.7")
    assert client_ip.address(found) == client_ip.key(found) == "192.0.2.7"


def test_ipv6_addresses_share_their_64():
    one = request("2001:db8:1:2::1")
    other = request("2001:db8:1:2:ffff::9")
    assert client_ip.key(one) == client_ip.key(other) == "2001:db8:1:2::"
    assert client_ip.key(request("2001:db8:1:3::1")) != client_ip.key(one)
    assert client_ip.address(one) == "2001:db8:1:2::1"  # the whole address, for blocked networks


def test_an_ipv4_mapped_ipv6_address_is_its_ipv4_address_not_one_shared_64():
    # Otherwise every IPv4 client of a dual-stack socket would share ::ffff:0:0/64.
    found = request("::ffff:192.0.2.7")
    assert client_ip.address(found) == client_ip.key(found) == "192.0.2.7"
    assert client_ip.key(request("::ffff:198.51.100.1")) == "198.51.100.1"


def test_without_configuration_forwarding_headers_are_ignored():
    found = request("192.0.2.7", forwarded="198.51.100.1", real_ip="198.51.100.2")
    assert client_ip.address(found) == "192.0.2.7"


def test_a_missing_or_malformed_remote_addr_is_empty_not_an_error():
    assert client_ip.key(request("")) == client_ip.address(request("unix:/run/gunicorn.sock")) == ""


# TRUSTED_PROXY_COUNT: N proxies of ours, REMOTE_ADDR the nearest.


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_appended_is_the_client():
    assert client_ip.address(request(forwarded="198.51.100.1")) == "198.51.100.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_a_forged_header_is_left_of_the_real_address_and_ignored():
    # The client sent "X-Forwarded-For: 1.1.1.1"; nginx appended the address it saw.
    found = request(forwarded="1.1.1.1, 198.51.100.1")
    assert client_ip.address(found) == "198.51.100.1"
    forged = request(forwarded="2001:db8::1,1.1.1.1 , 8.8.8.8,198.51.100.1")
    assert client_ip.address(forged) == "198.51.100.1"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_a_cdn_and_nginx_the_second_from_the_right_is_the_client():
    # client → CDN (appends the client) → nginx (appends the CDN's address) → app.
    assert client_ip.address(request(forwarded="6.6.6.6, 198.51.100.1, 203.0.113.40")) == "198.51.100.1"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_a_chain_shorter_than_the_proxies_falls_back_to_remote_addr():
    assert client_ip.address(request(forwarded="198.51.100.1")) == NGINX
    assert client_ip.address(request()) == NGINX


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_x_real_ip_is_never_read():
    assert client_ip.address(request(forwarded="198.51.100.1", real_ip="6.6.6.6")) == "198.51.100.1"
    assert client_ip.address(request(real_ip="6.6.6.6")) == NGINX


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_proxies_may_write_ports_and_brackets():
    assert client_ip.address(request(forwarded="198.51.100.1:51234")) == "198.51.100.1"
    assert client_ip.address(request(forwarded="[2001:db8:5::7]:443")) == "2001:db8:5::7"
    assert client_ip.key(request(forwarded="[2001:db8:5::7]:443")) == "2001:db8:5::"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_ipv6_clients_behind_a_proxy_are_grouped_by_64():
    one = request(forwarded="2001:db8:9:9::1")
    other = request(forwarded="2001:db8:9:9:abcd::2")
    assert client_ip.key(one) == client_ip.key(other) == "2001:db8:9:9::"


# TRUSTED_PROXY_NETWORKS: the header is read only from our networks, and past them.


@override_settings(TRUSTED_PROXY_NETWORKS=PROXIES)
def test_from_a_trusted_proxy_the_first_address_from_the_right_that_is_not_ours_is_the_client():
    found = request("10.0.0.5", forwarded="6.6.6.6, 198.51.100.1, 10.1.2.3")
    assert client_ip.address(found) == "198.51.100.1"


@override_settings(TRUSTED_PROXY_NETWORKS=PROXIES)
def test_a_client_outside_our_networks_cannot_forward_anything():
    direct = request("203.0.113.9", forwarded="198.51.100.1", real_ip="6.6.6.6")
    assert client_ip.address(direct) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_NETWORKS=PROXIES)
def test_ipv6_proxies_are_matched_by_network():
    found = request("2001:db8:ffff:1::1", forwarded="2001:db8:77:1::9, 2001:db8:ffff:2::2")
    assert client_ip.key(found) == "2001:db8:77:1::"


@override_settings(TRUSTED_PROXY_NETWORKS=PROXIES)
def test_a_malformed_entry_before_the_client_falls_back_to_remote_addr():
    assert client_ip.address(request("10.0.0.5", forwarded="198.51.100.1, garbage")) == "10.0.0.5"


@override_settings(TRUSTED_PROXY_NETWORKS=PROXIES)
def test_when_every_hop_is_ours_the_address_is_remote_addr():
    assert client_ip.address(request("10.0.0.5", forwarded="10.9.9.9")) == "10.0.0.5"
    assert client_ip.address(request("10.0.0.5")) == "10.0.0.5"


@override_settings(TRUSTED_PROXY_NETWORKS=PROXIES, TRUSTED_PROXY_COUNT=1)
def test_with_a_count_as_well_no_more_entries_than_the_count_are_read():
    # One proxy: whatever stands left of the address nginx appended is the client's claim, even in our range.
    assert client_ip.address(request("10.0.0.5", forwarded="6.6.6.6, 10.9.9.9")) == "10.9.9.9"
    assert client_ip.address(request("10.0.0.5", forwarded="198.51.100.1")) == "198.51.100.1"
    assert client_ip.address(request("203.0.113.9", forwarded="198.51.100.1")) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_NETWORKS=["not a network", "10.0.0.0/8"])
def test_a_mistyped_network_is_ignored_at_run_time_and_an_error_at_start_up():
    assert client_ip.address(request("10.0.0.5", forwarded="198.51.100.1")) == "198.51.100.1"
    with pytest.raises(SystemCheckError, match="waymark.E002"):
        call_command("check")


# Whatever arrives: never an error, never the client's choice.


@pytest.mark.parametrize("header", WEIRD_HEADERS)
@pytest.mark.parametrize(
    "configuration",
    [{}, {"TRUSTED_PROXY_COUNT": 1}, {"TRUSTED_PROXY_COUNT": 3}, {"TRUSTED_PROXY_NETWORKS": PROXIES}],
)
def test_weird_headers_give_remote_addr_or_the_proxys_own_entry(header, configuration):
    with override_settings(**configuration):
        for remote in (NGINX, "10.0.0.5"):
            found = request(remote, forwarded=header, real_ip=header)
            assert client_ip.address(found) in {remote, "1.2.3.4"}
            assert client_ip.key(found) in {remote, "1.2.3.4"}


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_long_header_is_read_only_at_its_end():
    assert client_ip.address(request(forwarded="6.6.6.6, " * 2000 + "198.51.100.1")) == "198.51.100.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_django_ratelimit_reads_the_same_address():
    assert _get_ip(request(forwarded="1.1.1.1, 198.51.100.1", real_ip="6.6.6.6")) == "198.51.100.1"
    assert _get_ip(request(forwarded="2001:db8:9:9::1")) == "2001:db8:9:9::"


def test_group_is_the_key_of_any_address():
    assert client_ip.group("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::"
    assert client_ip.group("192.0.2.1") == "192.0.2.1"
    assert client_ip.group("::ffff:192.0.2.1") == "192.0.2.1"
    assert client_ip.group("fe80::1:2%eth0") == "fe80::"  # a zone index is dropped
    assert client_ip.group("nonsense") == client_ip.group("") == ""


def test_a_forwarded_request_without_configuration_is_reported_once(caplog, monkeypatch):
    monkeypatch.setattr(client_ip, "_warned", False)
    with caplog.at_level("WARNING", "website.request_policy.client_ip"):
        client_ip.address(request(forwarded="198.51.100.1"))
        client_ip.address(request(forwarded="198.51.100.2"))
    assert caplog.text.count("TRUSTED_PROXY_COUNT and TRUSTED_PROXY_NETWORKS are unset") == 1
