"""Signing in always starts a new session: a session key planted before (session
fixation) or held from earlier never becomes a signed-in session."""

from importlib import import_module

from django.conf import settings
from django.test import Client, override_settings

from kronika.accounts.tests.support import sign_in
from kronika.testing import PASSWORD, KronikaTestCase


class NewSessionAtSignInTests(KronikaTestCase):
    def session_store(self):
        return import_module(settings.SESSION_ENGINE).SessionStore

    def planted_session(self) -> str:
        """A session an attacker started, whose key they got the victim's browser to use."""
        session = self.session_store()()
        session["planted"] = True
        session.save()
        return session.session_key

    def test_a_planted_session_key_is_replaced_when_the_victim_signs_in(self):
        planted = self.planted_session()
        victim = Client()
        victim.cookies[settings.SESSION_COOKIE_NAME] = planted
        self.assertEqual(sign_in(victim, "editor", PASSWORD).status_code, 302)
        new_key = victim.cookies[settings.SESSION_COOKIE_NAME].value
        self.assertNotEqual(new_key, planted)
        self.assertFalse(self.session_store()().exists(planted))
        # The attacker, still holding the planted key, is not signed in.
        attacker = Client()
        attacker.cookies[settings.SESSION_COOKIE_NAME] = planted
        self.assertEqual(attacker.get("/admin/").status_code, 302)
        self.assertEqual(victim.get("/admin/").status_code, 200)

    def test_signing_in_again_changes_the_key_again(self):
        sign_in(self.client, "editor", PASSWORD)
        first = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        sign_in(self.client, "editor", PASSWORD)
        second = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        self.assertNotEqual(first, second)
        self.assertFalse(self.session_store()().exists(first))


@override_settings(SESSION_ENGINE="django.contrib.sessions.backends.cached_db")
class NewSessionAtSignInWithCachedSessionsTests(NewSessionAtSignInTests):
    """As with REDIS_URL set: sessions cached in the shared cache, kept in the database."""
