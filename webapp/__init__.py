"""Common Ground: the application factory."""

from __future__ import annotations

from flask import Flask

from .config import Config, config_from_env


def create_app(config: Config | None = None, **overrides) -> Flask:
    """Build the app. With no config, APP_ENV in the environment picks one."""
    config = config or config_from_env()
    for key, value in overrides.items():
        setattr(config, key, value)
    config.check()

    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config)
    from . import page_cache

    page_cache.init_app(app)  # inside ProxyFix: it keys pages by the real host and scheme
    if app.config.get("PROXY_COUNT"):
        # Behind a proxy every request comes from the proxy: read the real address from it,
        # or every visitor would share one rate limit. (The address is never stored.)
        from werkzeug.middleware.proxy_fix import ProxyFix

        proxies = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)

    from . import (
        assets,
        cli,
        errors,
        fragments,
        i18n,
        members,
        ratelimits,
        rendering,
        security,
        signing,
        templating,
    )
    from .database import init_database
    from .extensions import compress, csrf, htmx

    init_database(app)
    # Who is signed in is known first, so that a failed CSRF check still knows them.
    members.init_app(app)
    csrf.init_app(app)  # with WTF_CSRF_CHECK_DEFAULT off: errors.check_csrf does the check
    signing.init_app()
    htmx.init_app(app)
    ratelimits.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    fragments.init_app(app)
    rendering.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    compress.init_app(app)
    assets.init_app(app)  # wraps wsgi_app: static files never reach Flask

    from . import stories
    from .accounts import bp as accounts_bp
    from .agreements import bp as agreements_bp
    from .agreements import conversations as agreement_conversations
    from .join import bp as join_bp
    from .join import cli as join_cli
    from .pages import bp as pages_bp
    from .preferences import bp as preferences_bp
    from .your_account import bp as account_bp
    from .your_account import change_community_bp

    app.register_blueprint(preferences_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(join_bp)
    join_cli.init_app(app)
    app.register_blueprint(account_bp)
    app.register_blueprint(change_community_bp)
    app.register_blueprint(agreements_bp)
    agreement_conversations.init_app(app)
    stories.init_app(app)
    from . import facilitation
    from .concerns import bp as concerns_bp

    facilitation.init_app(app)
    from . import decisions

    decisions.init_app(app)
    from . import meetings

    meetings.init_app(app)
    app.register_blueprint(concerns_bp)
    from . import plans, surveys

    plans.init_app(app)
    surveys.init_app(app)
    app.register_blueprint(pages_bp)  # last: it serves /<slug> for content pages
    page_cache.init_hooks(app)
    return app
