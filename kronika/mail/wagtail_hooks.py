from wagtail import hooks

from kronika.mail import dashboard

# Its panel on the dashboard (kronika.news.dashboard).
hooks.register("construct_homepage_panels", dashboard.add_panel)
