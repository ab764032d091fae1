import { type DocumentNode, Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';

/** Where a map query names its organisation: written into the query, or a variable. */
export type OrganisationArgument = { value: string } | { variable: string };

/**
 * The organisation a query reads when all it asks for is maps (`map` fields, under any alias)
 * of that one organisation, so that its answer depends only on the organisation's stored data,
 * the query and its variables, and what the caller may see: the map read cache may answer it.
 * Null for anything else (a mutation, `me`, maps of two organisations, a directive on a map
 * field, an operation that is not there), which is executed as always.
 */
export function mapReadOrganisation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OrganisationArgument | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return null;
  const found = operation.selectionSet.selections.map((selection) => {
    if (selection.kind !== Kind.FIELD || selection.name.value !== 'map' || selection.directives?.length) return null;
    const value = selection.arguments?.find((argument) => argument.name.value === 'organisationId')?.value;
    return value ? organisationArgument(value) : null;
  });
  const [first] = found;
  if (!first || found.some((argument) => !argument || !isSameArgument(argument, first))) return null;
  return first;
}

function organisationArgument(value: ValueNode): OrganisationArgument | null {
  if (value.kind === Kind.STRING) return { value: value.value };
  if (value.kind === Kind.VARIABLE) return { variable: value.name.value };
  return null;
}

function isSameArgument(a: OrganisationArgument, b: OrganisationArgument): boolean {
  return 'value' in a ? 'value' in b && a.value === b.value : 'variable' in b && a.variable === b.variable;
}

/** The organisation id the argument stands for with these variables; null when it is not a string. */
export function organisationIdOf(
  argument: OrganisationArgument,
  variables: Record<string, unknown> | null | undefined,
): string | null {
  if ('value' in argument) return argument.value;
  const value = variables?.[argument.variable];
  return typeof value === 'string' ? value : null;
}
