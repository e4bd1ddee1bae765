"""The site layer: everything that knows mkdocs.yml, docs/ or built HTML. The quiz domain
(the package above) never imports MkDocs; this layer hosts it in MkDocs."""
