"""Argument limits and the cost of a GraphQL operation, checked before execution.

The cost of an operation is the number of fields it may resolve: each field costs 1,
plus its sub-selection times the field's page size (its ``first``, ``last`` or
``limit`` argument, from the query, the variables or the schema default). A list of
500 cables each with 500 references thus costs about 250,000. Fragments are costed
once each (no blow-up from nested spreads); every branch of a fragment on an
interface or union counts (an upper bound).

>>> from graphql import build_schema, parse
>>> schema = build_schema('''
...   type Query { cables(first: Int = 20): [Cable!]! }
...   type Cable { id: ID! references(first: Int = 10): [Cable!]! }
... ''')
>>> document = parse("{ cables(first: 100) { id references { id } } }")
>>> operation_cost(schema, document, None, {}, {})
1201
>>> limits = {"first": Limit("first", 0, 500)}
>>> check_operation(schema, parse("{ cables(first: 501) { id } }"), None, {}, limits, 10**6)
Traceback (most recent call last):
...
api.complexity.LimitError: first: 501 is over the limit first ≤ 500
>>> check_operation(schema, document, None, {}, limits, 1000)
Traceback (most recent call last):
...
api.complexity.LimitError: query cost 1201 is over the limit complexity ≤ 1000
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    TypeNameMetaFieldDef,
    VariableNode,
    get_named_type,
    get_operation_ast,
    value_from_ast_untyped,
)
from graphql.utilities.coerce_input_value import coerce_default_value

if TYPE_CHECKING:
    from api.settings import Limits

Variables: TypeAlias = Mapping[str, Any]
ArgumentLimits: TypeAlias = Mapping[str, "Limit"]

#: Arguments whose value multiplies the cost of the field's sub-selection.
PAGE_ARGUMENTS: tuple[str, ...] = ("first", "last", "limit")
_META_FIELDS: Mapping[str, GraphQLField] = {
    "__schema": SchemaMetaFieldDef,
    "__type": TypeMetaFieldDef,
    "__typename": TypeNameMetaFieldDef,
}


class LimitError(ValueError):
    """A request went over a limit; the message names the limit and its value."""

    def __init__(self, limit: str, maximum: float, value: Any, message: str | None = None) -> None:
        super().__init__(message or f"{limit}: {value} is over the limit {limit} ≤ {maximum}")
        self.limit = limit
        self.maximum = maximum
        self.value = value

    @property
    def extensions(self) -> dict[str, Any]:
        """What a GraphQL error of this rejection carries in ``extensions``."""
        return {
            "code": "LIMIT_EXCEEDED",
            "limit": self.limit,
            "max": self.maximum,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class Limit:
    """The allowed range of one integer argument.

    >>> Limit("limit", 1, 5000).check(0)
    Traceback (most recent call last):
    ...
    api.complexity.LimitError: limit: 0 is under the limit limit ≥ 1
    """

    argument: str
    low: int
    high: int

    def check(self, value: int) -> None:
        if value > self.high:
            raise LimitError(self.argument, self.high, value)
        if value < self.low:
            message = f"{self.argument}: {value} is under the limit {self.argument} ≥ {self.low}"
            raise LimitError(self.argument, self.low, value, message)


def argument_limits(limits: Limits) -> dict[str, Limit]:
    """The limited arguments, by name, from the settings' limits."""
    page, nodes, depth = limits.max_page_size, limits.max_result_nodes, limits.max_traversal_depth
    return {
        "first": Limit("first", 0, page),
        "last": Limit("last", 0, page),
        "limit": Limit("limit", 1, nodes),
        "depth": Limit("depth", 0, depth),
        "maxDepth": Limit("maxDepth", 0, depth),
        "maxLength": Limit("maxLength", 1, depth),
    }


@dataclass(slots=True)
class _Walk:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Variables
    limits: ArgumentLimits
    max_items: int
    fragment_costs: dict[str, int] = field(default_factory=dict)

    def selection_cost(self, parent: GraphQLNamedType | None, selections: SelectionSetNode) -> int:
        """The cost of a selection set on ``parent`` (None: unknown type)."""
        total = 0
        for node in selections.selections:
            if isinstance(node, FieldNode):
                total += self.field_cost(parent, node)
            elif isinstance(node, InlineFragmentNode):
                cond = node.type_condition
                target = self.schema.get_type(cond.name.value) if cond else parent
                total += self.selection_cost(target, node.selection_set)
            elif isinstance(node, FragmentSpreadNode):
                total += self.fragment_cost(node.name.value)
        return total

    def fragment_cost(self, name: str) -> int:
        """A named fragment's cost, computed once (a cycle counts as 0)."""
        if name not in self.fragment_costs:
            self.fragment_costs[name] = 0
            fragment = self.fragments.get(name)
            if fragment is not None:
                target = self.schema.get_type(fragment.type_condition.name.value)
                self.fragment_costs[name] = self.selection_cost(target, fragment.selection_set)
        return self.fragment_costs[name]

    def field_cost(self, parent: GraphQLNamedType | None, node: FieldNode) -> int:
        """1 for the field, plus its sub-selection times its page size."""
        definition = find_field(parent, node.name.value)
        raw = self.argument_values(definition, node)
        self.check_lists(raw)
        values = {k: v for k, v in raw.items() if type(v) is int}
        for name, value in values.items():
            if name in self.limits:
                self.limits[name].check(value)
        if node.selection_set is None:
            return 1
        child = get_named_type(definition.type) if definition else None
        multiplier = max([1, *(values[a] for a in PAGE_ARGUMENTS if a in values)])
        return 1 + multiplier * self.selection_cost(child, node.selection_set)

    def check_lists(self, values: Mapping[str, Any]) -> None:
        """Refuse a list argument (``ids``, ``documents``) longer than ``max_items``."""
        for name, value in values.items():
            if isinstance(value, list) and len(value) > self.max_items:
                message = (
                    f"{name}: {len(value)} items is over the limit {name} ≤ {self.max_items} items"
                )
                raise LimitError(name, self.max_items, len(value), message)

    def argument_values(self, definition: GraphQLField | None, node: FieldNode) -> dict[str, Any]:
        """The arguments of a field: given, from variables, or schema defaults."""
        values: dict[str, Any] = {}
        if definition is not None:
            values = {n: coerce_default_value(a) for n, a in definition.args.items()}
        for argument in node.arguments or ():
            value = argument.value
            name = argument.name.value
            if isinstance(value, VariableNode):
                values[name] = self.variables.get(value.name.value, values.get(name))
            else:
                values[name] = value_from_ast_untyped(value, dict(self.variables))
        return values


def find_field(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    """The definition of field ``name`` on ``parent`` (meta fields included)."""
    if name in _META_FIELDS:
        return _META_FIELDS[name]
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        found: GraphQLField | None = parent.fields.get(name)
        return found
    return None


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Variables,
    limits: ArgumentLimits,
    max_items: int = 500,
) -> int:
    """The cost of the operation to run; raises :class:`LimitError` on an argument over
    its limit or a list argument longer than ``max_items``. An unknown operation costs
    0 (execution reports it)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    root = schema.get_root_type(operation.operation)
    walk = _Walk(schema, fragments, variables, limits, max_items)
    return walk.selection_cost(root, operation.selection_set)


def check_operation(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Variables,
    limits: ArgumentLimits,
    budget: int,
    max_items: int = 500,
) -> int:
    """Check the operation's arguments and cost; returns the cost when within budget.

    >>> from graphql import build_schema, parse
    >>> schema = build_schema("type Query { hood(ids: [ID!]!): Int }")
    >>> check_operation(schema, parse("query($i: [ID!]!) { hood(ids: $i) }"), None,
    ...                 {"i": ["x"] * 501}, {}, 100)
    Traceback (most recent call last):
    ...
    api.complexity.LimitError: ids: 501 items is over the limit ids ≤ 500 items
    """
    cost = operation_cost(schema, document, operation_name, variables, limits, max_items)
    if cost > budget:
        message = f"query cost {cost} is over the limit complexity ≤ {budget}"
        raise LimitError("complexity", budget, cost, message)
    return cost
