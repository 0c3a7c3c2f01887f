"""Articles: the stored texts and their claims."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from schemas.resources import ArticleListSchema, ArticleQueryArgs, ArticleSchema
from service.api import Blueprint, page_links, store

blp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="Stored articles")


@blp.route("")
class Articles(MethodView):
    @blp.arguments(ArticleQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, ArticleListSchema)
    def get(self, page: int, limit: int, outlet_id: int | None = None):
        """List articles, newest first, optionally of one outlet (paginated)."""
        with store().read() as repo:
            result = repo.list_articles(outlet_id=outlet_id, page=page, limit=limit)
        return page_links(result, outlet_id=outlet_id)


@blp.route("/<int:article_id>")
class ArticleById(MethodView):
    @blp.response(200, ArticleSchema)
    @blp.alt_response(404, response="NOT_FOUND", description="No article with this id")
    def get(self, article_id: int):
        """Get an article with its verbatim text and its claims with exact spans."""
        with store().read() as repo:
            article = repo.get_article(article_id)
        if article is None:
            abort(404, message=f"No article with id {article_id}.")
        return article
