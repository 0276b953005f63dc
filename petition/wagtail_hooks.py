"""Petition admin: signatures (listing, filters, bulk invalidation), supporters export, abuse rules, campaign
updates and the lobbying report (signatures and letters by MP). Only registration: the views and viewsets
are in petition/admin/."""

from django.urls import path
from wagtail import hooks

from petition.admin import views as admin_views
from petition.admin.menu import PetitionAdminGroup, stop_button


@hooks.register("register_admin_viewset")
def register_petition_viewsets():
    return PetitionAdminGroup()


@hooks.register("register_admin_urls")
def register_petition_admin_urls():
    return [
        path("petition/stop/<id:page_id>/", admin_views.stop_collecting, name="petition_stop_collecting"),
    ]


@hooks.register("register_page_listing_more_buttons")
def petition_listing_buttons(page, user, next_url=None):
    button = stop_button(page, user)
    if button:
        yield button


@hooks.register("register_page_header_buttons")
def petition_header_buttons(page, user, view_name, next_url=None):
    button = stop_button(page, user)
    if button:
        yield button
