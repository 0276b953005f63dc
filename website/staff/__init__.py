"""Staff: signing in (password, throttling, reset, the second factor and its enrolment), staff groups and the
admin under the Content Security Policy."""
