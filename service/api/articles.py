"""Articles: the stored texts and their claims; ingestion and deletion."""

from __future__ import annotations

from flask import url_for
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy.exc import IntegrityError

from schemas.resources import ArticleListSchema, ArticleQueryArgs, ArticleSchema
from schemas.write import ArticleCreate
from service.api import WRITE_DOC, Blueprint, examples, id_rule, page_links, services, store
from service.verification import delete_article, ingest_article, prepare_article

blp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="Stored articles")

INGEST_EXAMPLE = {
    "outlet": {"name": "Example Wire", "url": "https://wire.example.org"},
    "title": "Talks to resume on Monday",
    "url": "https://wire.example.org/2022/03/14/talks",
    "published_at": "2022-03-14",
    "language": "en",
    "text": "Talks between the two delegations will resume by video link on Monday, "
    "negotiator Jane Doe said on Sunday.",
}

# OpenAPI links: what a client (or schemathesis' stateful run) can do with an answer.
ARTICLE_BY_ID = "#/paths/~1v1~1articles~1{article_id}"
ARTICLE_LINKS = {
    "GetArticle": {
        "operationRef": f"{ARTICLE_BY_ID}/get",
        "parameters": {"article_id": "$response.body#/id"},
        "description": "The stored article, with its claims",
    },
    "DeleteArticle": {
        "operationRef": f"{ARTICLE_BY_ID}/delete",
        "parameters": {"article_id": "$response.body#/id"},
        "description": "Delete the article and its claims",
    },
}
DELETED_LINKS = {
    "GetDeletedArticle": {
        "operationRef": f"{ARTICLE_BY_ID}/get",
        "parameters": {"article_id": "$request.path.article_id"},
        "description": "The deleted article is gone: 404",
    },
}
LOCATION_HEADER = {
    "Location": {
        "description": "URL of the stored article",
        "required": True,
        "schema": {"type": "string"},
    },
}


@blp.route("")
class Articles(MethodView):
    @blp.arguments(ArticleQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, ArticleListSchema, example=examples.ARTICLE_LIST)
    def get(self, page: int, limit: int, outlet_id: int | None = None):
        """List articles, newest first, optionally of one outlet (paginated)."""
        with store().read() as repo:
            result = repo.list_articles(outlet_id=outlet_id, page=page, limit=limit)
        return page_links(result, outlet_id=outlet_id)

    @blp.doc(**WRITE_DOC, responses={201: {"links": ARTICLE_LINKS}, 200: {"links": ARTICLE_LINKS}})
    @blp.arguments(ArticleCreate, example=INGEST_EXAMPLE)
    @blp.response(
        201,
        ArticleSchema,
        description="Stored: the article with its claims",
        example=examples.ARTICLE,
        headers=LOCATION_HEADER,
    )
    @blp.alt_response(
        200,
        schema=ArticleSchema,
        description="The same text was already stored: the existing article",
    )
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    def post(self, args):
        """Ingest an article: extract, group and index its claims in one transaction."""
        fields = {
            "embedder": services().verifier.embedder,
            "outlet": args["outlet"]["name"],
            "outlet_url": args["outlet"].get("url"),
            "title": args["title"],
            "text": args["text"],
            "url": args.get("url"),
            "published_at": args.get("published_at"),
            "language": args["language"],
        }
        # extraction, embedding and the grouping searches are done before the write lock
        # is taken; the write transaction searches only claims committed in between
        prepared = prepare_article(
            args["text"],
            title=args["title"],
            published_at=args.get("published_at"),
            embedder=fields["embedder"],
        )
        with store().read() as repo:
            fields["prepared"] = prepared.searched_in(repo)
        try:
            with store().write() as repo:
                result = ingest_article(repo, **fields)
        except IntegrityError:
            # a concurrent ingest of the same text committed first: answer with its article
            with store().write() as repo:
                result = ingest_article(repo, **fields)
        with store().read() as repo:
            article = repo.get_article(result.article_id)
        if not result.created:
            return article, 200
        location = url_for("articles.ArticleById", article_id=article.id)
        return article, 201, {"Location": location}


@blp.route("/" + id_rule("article_id"))
class ArticleById(MethodView):
    @blp.response(200, ArticleSchema, example=examples.ARTICLE)
    @blp.alt_response(404, response="NOT_FOUND", description="No article with this id")
    def get(self, article_id: int):
        """Get an article with its verbatim text and its claims with exact spans."""
        with store().read() as repo:
            article = repo.get_article(article_id)
        if article is None:
            abort(404, message=f"No article with id {article_id}.")
        return article

    @blp.doc(**WRITE_DOC, responses={204: {"links": DELETED_LINKS}})
    @blp.response(204, description="Deleted with its claims, index rows and emptied facts")
    @blp.alt_response(404, response="NOT_FOUND", description="No article with this id")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    def delete(self, article_id: int):
        """Delete an article, its claims, their index entries and group links."""
        with store().write() as repo:
            deleted = delete_article(repo, article_id)
        if not deleted:
            abort(404, message=f"No article with id {article_id}.")
        return None
