"""The policy editor: versions, rules, the tier table, examples, comparison, import/export.

Leads may look at everything; only admins change anything. Edits go into a draft version;
each save validates the whole policy for this organisation and saves nothing on a problem.
The dry run and what activation does to posts live in ``posts`` (``posts.views_policy``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from policies import services
from policies.checks.pattern import compile_pattern, pattern_problems
from policies.engine.errors import PolicyError
from policies.forms_policy import (
    KIND_HELP,
    KIND_LABELS,
    RULE_FORMS,
    DryRunForm,
    ExampleForm,
    ImportForm,
    OrganisationCreateForm,
    PatternTryForm,
    TierForm,
    attach_problems,
)
from policies.middleware import SESSION_KEY
from policies.models import PolicyDryRun, PolicyVersion, Role
from policies.permissions import get_for_org, member_required
from policies.policy_compare import compare_documents
from policies.policy_document import (
    find_rule,
    rule_position,
    with_example,
    with_rule,
    with_tiers,
    without_example,
    without_rule,
)
from policies.policy_examples import failing, run_examples
from policies.policy_files import export_policy, locate, parse_policy_file
from policies.selectors import compiled_version

TRY_IT_LIMIT = 20


def _version(request, number: int) -> PolicyVersion:
    return get_for_org(PolicyVersion.objects.select_related("created_by", "activated_by"), request, number=number)


def _draft(request, number: int) -> PolicyVersion:
    version = _version(request, number)
    if version.status != PolicyVersion.Status.DRAFT or version.was_activated:
        raise PermissionDenied(f"Version {number} has been in force and can no longer change; make a new draft from it.")
    return version


def _detail_url(version: PolicyVersion, anchor: str = "") -> str:
    return reverse("policy_version", args=[version.number]) + (f"#{anchor}" if anchor else "")


# --- Versions --------------------------------------------------------------------------------


@require_GET
@member_required(Role.LEAD)
def policy_home(request):
    versions = list(PolicyVersion.objects.filter(organisation=request.organisation)
                    .select_related("created_by", "activated_by").only(
                        "number", "status", "source", "created_at", "activated_at", "created_by__name",
                        "activated_by__name", "organisation_id"))
    active = next((v for v in versions if v.status == PolicyVersion.Status.ACTIVE), None)
    return render(request, "policies/policy/home.html", {"versions": versions, "active": active})


@require_GET
@member_required(Role.LEAD)
def policy_version(request, number: int):
    version = _version(request, number)
    document = version.document
    rules = [(rule, KIND_LABELS.get(rule.get("kind"), rule.get("kind"))) for rule in document.get("rules") or []]
    dry_runs = PolicyDryRun.objects.filter(version=version).select_related("started_by")[:5]
    return render(request, "policies/policy/version.html", {
        "version": version, "document": document, "rules": rules, "kinds": KIND_LABELS, "kind_help": KIND_HELP,
        "editable": version.status == PolicyVersion.Status.DRAFT and not version.was_activated,
        "tiers": TierForm.initial_from(document.get("tiers") or {}), "example_form": ExampleForm(),
        "dry_run_form": DryRunForm(), "dry_runs": dry_runs, "examples": document.get("examples") or [],
    })


@require_POST
@member_required(Role.ADMIN)
def policy_draft_create(request):
    based_on = None
    if request.POST.get("from"):
        based_on = _version(request, int(request.POST["from"]))
    try:
        version = services.policy_version_create_draft(organisation=request.organisation, by=request.membership,
                                                        based_on=based_on)
    except PolicyError as error:
        messages.error(request, f"That version cannot be copied: {error.errors[0]}")
        return redirect("policy_home")
    messages.success(request, f"Draft version {version.number} created. Change it, test it, then activate it.")
    return redirect(_detail_url(version))


@require_POST
@member_required(Role.ADMIN)
def policy_draft_discard(request, number: int):
    version = _version(request, number)
    try:
        services.policy_version_discard(version=version, by=request.membership)
    except services.DomainError as exc:
        messages.error(request, exc.message)
        return redirect(_detail_url(version))
    messages.success(request, f"Draft version {number} discarded.")
    return redirect("policy_home")


@require_http_methods(["GET", "POST"])
@member_required(Role.ADMIN)
def policy_activate(request, number: int):
    """A confirmation page: which examples fail, each to be ticked, then activate."""
    version = _version(request, number)
    if version.status == PolicyVersion.Status.ACTIVE:
        messages.info(request, f"Version {number} is already in force.")
        return redirect(_detail_url(version))
    error = ""
    try:
        results = run_examples(compiled_version(version))
    except PolicyError as exc:
        results, error = [], str(exc)
    failed = failing(results)
    if request.method == "POST" and not error:
        try:
            services.policy_version_activate(version=version, by=request.membership,
                                             confirmed_failing=request.POST.getlist("confirm"))
        except services.DomainError as exc:
            error = exc.message
        except PolicyError as exc:
            error = str(exc)
        else:
            messages.success(request, f"Version {number} is now in force. Open drafts and posts in review are "
                                      "being checked again under it.")
            return redirect(_detail_url(version))
    return render(request, "policies/policy/activate.html", {
        "version": version, "results": results, "failed": failed, "error": error,
        "active": request.organisation.active_policy(),
    }, status=400 if error else 200)


# --- Rules -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@member_required(Role.ADMIN)
def policy_rule_edit(request, number: int, rule_id: str | None = None, kind: str | None = None):
    version = _draft(request, number)
    document = version.document
    existing = None
    if rule_id is not None:
        existing = find_rule(document, rule_id)
        if existing is None:
            raise Http404("No such rule in this version.")
        kind = existing.get("kind")
    form_class = RULE_FORMS.get(kind or "")
    if form_class is None:
        raise Http404("No such kind of rule.")
    initial = form_class.initial_from(existing) if existing else {}
    form = form_class(request.POST or None, initial=initial, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        rule = form.to_rule()
        updated = with_rule(document, rule, replacing=rule_id)
        position = rule_position(updated, rule["id"])
        try:
            services.policy_version_save(version=version, document=updated, by=request.membership,
                                         change=f"{'edited' if existing else 'added'} rule {rule['id']}")
        except PolicyError as error:
            attach_problems(form, error, where=["rules", position])
        except services.DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, f"Rule {rule['id']} saved in draft version {number}.")
            return redirect(_detail_url(version, f"rule-{rule['id']}"))
    return render(request, "policies/policy/rule_form.html", {
        "version": version, "form": form, "kind": kind, "kind_label": KIND_LABELS[kind], "kind_help": KIND_HELP[kind],
        "existing": existing,
    }, status=400 if form.errors else 200)


@require_POST
@member_required(Role.ADMIN)
def policy_rule_delete(request, number: int, rule_id: str):
    version = _draft(request, number)
    if find_rule(version.document, rule_id) is None:
        raise Http404("No such rule in this version.")
    try:
        services.policy_version_save(version=version, document=without_rule(version.document, rule_id),
                                     by=request.membership, change=f"removed rule {rule_id}")
    except PolicyError as error:
        messages.error(request, f"Removing it would leave the policy invalid: {error.errors[0]}")
    else:
        messages.success(request, f"Rule {rule_id} removed from draft version {number}.")
    return redirect(_detail_url(version, "rules"))


@require_POST
@member_required(Role.ADMIN)
def policy_pattern_try(request):
    """The "try it" box: where a pattern matches a sample, or why it cannot be used."""
    form = PatternTryForm(request.POST)
    form.is_valid()
    data = form.cleaned_data if form.is_valid() else {}
    pattern, flags, sample = data.get("pattern", ""), "".join(data.get("flags") or []), data.get("sample", "")
    problems = pattern_problems(pattern, flags) if pattern else ["Write a pattern first."]
    matches = []
    if not problems and sample:
        try:
            for match in compile_pattern(pattern, flags).finditer(sample, timeout=0.05):
                matches.append(match.group(0))
                if len(matches) >= TRY_IT_LIMIT:
                    break
        except TimeoutError:
            problems = ["This pattern takes too long on the sample; simplify it."]
    return render(request, "policies/policy/includes/pattern_try.html",
                  {"problems": problems, "matches": matches, "sample": sample})


# --- Tier table and examples ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@member_required(Role.ADMIN)
def policy_tiers_edit(request, number: int):
    version = _draft(request, number)
    form = TierForm(request.POST or None, initial=TierForm.initial_from(version.document.get("tiers") or {}))
    if request.method == "POST" and form.is_valid():
        document = with_tiers(version.document, form.to_tiers(version.document.get("tiers")))
        try:
            services.policy_version_save(version=version, document=document, by=request.membership,
                                         change="changed the tier table")
        except PolicyError as error:
            attach_problems(form, error, where=["tiers"])
        else:
            messages.success(request, "Tier table saved.")
            return redirect(_detail_url(version, "tiers"))
    return render(request, "policies/policy/tiers_form.html", {"version": version, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@member_required(Role.ADMIN)
def policy_example_add(request, number: int):
    version = _draft(request, number)
    form = ExampleForm(request.POST)
    if form.is_valid():
        position = len(version.document.get("examples") or [])
        document = with_example(version.document, form.to_example(position))
        try:
            services.policy_version_save(version=version, document=document, by=request.membership,
                                         change="added an example")
        except PolicyError as error:
            attach_problems(form, error, where=["examples", position])
        else:
            messages.success(request, "Example added. Run the examples to see whether it passes.")
            return redirect(_detail_url(version, "examples"))
    return render(request, "policies/policy/example_form.html", {"version": version, "form": form}, status=400)


@require_POST
@member_required(Role.ADMIN)
def policy_example_delete(request, number: int, position: int):
    version = _draft(request, number)
    if not 0 <= position < len(version.document.get("examples") or []):
        raise Http404("No such example.")
    services.policy_version_save(version=version, document=without_example(version.document, position),
                                 by=request.membership, change="removed an example")
    messages.success(request, "Example removed.")
    return redirect(_detail_url(version, "examples"))


@require_GET
@member_required(Role.LEAD)
def policy_examples(request, number: int):
    """Run the version's examples; htmx gets only the results table."""
    version = _version(request, number)
    results = run_examples(compiled_version(version))
    context = {"version": version, "results": results, "failed": failing(results)}
    if getattr(request, "htmx", False):
        return render(request, "policies/policy/includes/example_results.html", context)
    return render(request, "policies/policy/examples.html", context)


# --- Comparison, export, import ----------------------------------------------------------------


@require_GET
@member_required(Role.LEAD)
def policy_compare(request):
    versions = list(PolicyVersion.objects.filter(organisation=request.organisation).only("number", "status"))
    left_number, right_number = request.GET.get("left"), request.GET.get("right")
    comparison = left = right = None
    if left_number and right_number:
        try:
            left, right = _version(request, int(left_number)), _version(request, int(right_number))
        except ValueError:
            raise Http404("Choose two versions.") from None
        comparison = compare_documents(left.document, right.document)
    return render(request, "policies/policy/compare.html", {
        "versions": versions, "left": left, "right": right, "comparison": comparison,
    })


@require_GET
@member_required(Role.LEAD)
def policy_export(request, number: int):
    version = _version(request, number)
    fmt = "json" if request.GET.get("format") == "json" else "yaml"
    title = f"{request.organisation.name}, version {version.number} ({version.get_status_display().lower()})"
    body = export_policy(version.document, fmt=fmt, title=title)
    response = HttpResponse(body, content_type="application/json" if fmt == "json" else "application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{request.organisation.slug}-policy-v{version.number}.{fmt}"'
    return response


@require_http_methods(["GET", "POST"])
@member_required(Role.ADMIN)
def policy_import(request):
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        parsed = None
        try:
            parsed = parse_policy_file(form.content())
            version = services.policy_version_create_draft(
                organisation=request.organisation, by=request.membership, document=parsed.document,
                source="import" + (f": {form.cleaned_data['file'].name}" if form.cleaned_data.get("file") else ""),
            )
        except PolicyError as error:
            problems = (locate(error, parsed) if parsed else error).errors
        else:
            messages.success(request, f"Imported as draft version {version.number}.")
            return redirect(_detail_url(version))
    return render(request, "policies/policy/import.html", {"form": form, "problems": problems},
                  status=400 if problems or form.errors else 200)


# --- A new organisation from a pack ---------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def organisation_new(request):
    """Anyone signed in may start an organisation; they become its admin, its policy the pack."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = get_user_model().objects.get(pk=request.user.pk)
        organisation = services.organisation_create(name=form.cleaned_data["name"].strip(),
                                                    kind=form.cleaned_data["kind"], admin=user)
        request.session[SESSION_KEY] = organisation.pk
        messages.success(request, f"{organisation.name} is ready, with the {organisation.get_kind_display().lower()} "
                                  "starter policy in force. Add your accounts, then adjust the rules.")
        return redirect("policy_home")
    return render(request, "policies/organisation_new.html", {"form": form}, status=400 if form.errors else 200)
