from wagtail import hooks

from kronika.base.reader_methods import method_refusal


# Before Wagtail's own privacy check (order 0), so that a private page refuses
# other methods too, rather than answer them with its password form or login.
@hooks.register("before_serve_page", order=-1)
def refuse_methods_other_than_get_and_head(page, request, serve_args, serve_kwargs):
    return method_refusal(request)
