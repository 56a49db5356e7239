import ts from 'typescript';
import { LIST_TYPES, RANGES } from './extras.js';
import { ANY, objectNode, type Literal, type LeafNode, type ObjectNode, type TypeNode } from './model.js';

/**
 * Reads the field model of Kubernetes kinds from the `@kubernetes-models/*` declaration files
 * with the TypeScript compiler API: interfaces and type aliases become objects (cached per
 * declaration, so a type shared by several kinds is read once), JSDoc becomes descriptions,
 * string-literal unions become enums, index signatures become maps. Istio's models spell a
 * protobuf `oneof` as `X & (Exclude<X, …> | {a: T} | {b: T})`: the alternatives are merged into
 * one object and remembered as a `oneOf` group.
 */
export class DtsReader {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;
  private readonly declarations = new Map<ts.Declaration, TypeNode>();
  /** Table entries (LIST_TYPES, RANGES) that matched a field: the rest are reported as stale. */
  readonly usedExtras = new Set<string>();

  constructor(files: readonly string[]) {
    this.program = ts.createProgram(files, {
      noEmit: true,
      skipLibCheck: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    });
    this.checker = this.program.getTypeChecker();
  }

  /** The object an exported interface of `file` describes. */
  readInterface(file: string, name: string): ObjectNode {
    const source = this.program.getSourceFile(file);
    if (!source) throw new Error(`cannot read ${file}`);
    const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (!decl) throw new Error(`${file} declares no interface ${name}`);
    const node = this.fromDeclaration(decl);
    if (node.t !== 'object') throw new Error(`${name} is not an object type`);
    return node;
  }

  private fromDeclaration(decl: ts.Declaration): TypeNode {
    const cached = this.declarations.get(decl);
    if (cached) return cached;
    if (ts.isInterfaceDeclaration(decl)) {
      const obj = objectNode();
      this.declarations.set(decl, obj); // before the members: a type may refer to itself
      const typeName = decl.name.text.replace(/^I/, '');
      for (const heritage of decl.heritageClauses ?? []) {
        for (const base of heritage.types) mergeInto(obj, this.fromEntityName(base.expression), 'intersection');
      }
      this.readMembers(decl.members, obj, typeName);
      obj.doc = docOf(decl);
      obj.name = definitionName(decl);
      return obj;
    }
    if (ts.isTypeAliasDeclaration(decl)) {
      const node = this.fromTypeNode(decl.type, decl.name.text.replace(/^I/, ''));
      if (node.t === 'object' && node.name === undefined) {
        node.doc ??= docOf(decl);
        node.name = definitionName(decl);
      }
      this.declarations.set(decl, node);
      return node;
    }
    throw new Error(`unsupported declaration ${ts.SyntaxKind[decl.kind]} in ${decl.getSourceFile().fileName}`);
  }

  private fromEntityName(expr: ts.Node): TypeNode {
    let symbol = this.checker.getSymbolAtLocation(expr);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const decl = symbol?.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d));
    if (!decl) throw new Error(`cannot resolve ${expr.getText()} in ${expr.getSourceFile().fileName}`);
    return this.fromDeclaration(decl);
  }

  private readMembers(members: ts.NodeArray<ts.TypeElement>, obj: ObjectNode, typeName: string | undefined): void {
    for (const m of members) {
      if (ts.isPropertySignature(m) && m.type) {
        const key = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
        let node = this.fromTypeNode(m.type, undefined);
        const extraKey = typeName === undefined ? undefined : `${typeName}.${key}`;
        if (extraKey !== undefined) node = this.applyExtras(extraKey, node);
        // A redeclared inherited field (TypeMeta's apiVersion/kind) keeps the inherited text.
        obj.props.set(key, { node, doc: docOf(m) ?? obj.props.get(key)?.doc, required: m.questionToken === undefined });
      } else if (ts.isIndexSignatureDeclaration(m) && m.type) {
        obj.additional = this.fromTypeNode(m.type, undefined);
      }
    }
  }

  private applyExtras(key: string, node: TypeNode): TypeNode {
    const list = LIST_TYPES[key];
    if (list && node.t === 'array') {
      this.usedExtras.add(key);
      return { ...node, listType: list.type, ...(list.keys ? { listKeys: list.keys } : {}), ...(list.defaults ? { listDefaults: list.defaults } : {}) };
    }
    const range = RANGES[key];
    if (range && node.t === 'leaf') {
      this.usedExtras.add(key);
      return { ...node, ...range };
    }
    return node;
  }

  private fromTypeNode(node: ts.TypeNode, aliasName: string | undefined): TypeNode {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return leaf('string');
      case ts.SyntaxKind.NumberKeyword:
        return leaf('number');
      case ts.SyntaxKind.BooleanKeyword:
        return leaf('boolean');
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        return ANY;
    }
    if (ts.isParenthesizedTypeNode(node)) return this.fromTypeNode(node.type, aliasName);
    if (ts.isLiteralTypeNode(node)) {
      const v = literalValue(node);
      return v === null ? leaf('null') : { t: 'leaf', types: [typeof v as 'string' | 'number' | 'boolean'], enum: [v] };
    }
    if (ts.isArrayTypeNode(node)) return { t: 'array', items: this.fromTypeNode(node.elementType, undefined) };
    if (ts.isTypeLiteralNode(node)) {
      const obj = objectNode();
      this.readMembers(node.members, obj, aliasName);
      return obj;
    }
    if (ts.isIntersectionTypeNode(node)) {
      const obj = objectNode();
      for (const part of node.types) mergeInto(obj, this.fromTypeNode(part, aliasName), 'intersection');
      return obj;
    }
    if (ts.isUnionTypeNode(node)) return this.fromUnion(node, aliasName);
    if (ts.isTypeReferenceNode(node)) {
      const name = ts.isIdentifier(node.typeName) ? node.typeName.text : '';
      const args = node.typeArguments ?? [];
      if (name === 'Array' && args[0]) return { t: 'array', items: this.fromTypeNode(args[0], undefined) };
      // `Exclude<X, X & (A | B)>` is X when none of the alternatives is set.
      if (name === 'Exclude' && args[0]) return this.fromTypeNode(args[0], aliasName);
      return this.fromEntityName(node.typeName);
    }
    throw new Error(`unsupported type ${ts.SyntaxKind[node.kind]}: ${node.getText().slice(0, 80)} in ${node.getSourceFile().fileName}`);
  }

  private fromUnion(node: ts.UnionTypeNode, aliasName: string | undefined): TypeNode {
    const members = node.types.map((t) => this.fromTypeNode(t, aliasName));
    const objects = members.filter((m): m is ObjectNode => m.t === 'object');
    if (objects.length === members.length) {
      const obj = objectNode();
      for (const m of objects) mergeInto(obj, m, 'union');
      // Each alternative of a oneof requires the keys that make it that alternative.
      const alternatives = objects.filter((_, i) => !isExcludeReference(node.types[i] as ts.TypeNode));
      const groups = alternatives.map((m) => [...m.props].filter(([, p]) => p.required).map(([k]) => k));
      if (groups.length > 1 && groups.every((g) => g.length > 0) && groups.length < members.length) obj.oneOf.push(groups.flat());
      return obj;
    }
    if (objects.length > 0) return ANY; // object-or-scalar: nothing the models use; accept anything
    const leaves = members as LeafNode[];
    const types = [...new Set(leaves.flatMap((l) => l.types))];
    // A union of literals is an enum; once a plain type is in the union, its literals add nothing.
    const open = leaves.some((l) => l.enum === undefined);
    const values = open ? undefined : leaves.flatMap((l) => l.enum ?? []);
    return { t: 'leaf', types, ...(values ? { enum: values } : {}) };
  }
}

function leaf(type: 'string' | 'number' | 'boolean' | 'null'): LeafNode {
  return { t: 'leaf', types: [type] };
}

function literalValue(node: ts.LiteralTypeNode): Literal | null {
  const lit = node.literal;
  if (ts.isStringLiteral(lit)) return lit.text;
  if (ts.isNumericLiteral(lit)) return Number(lit.text);
  if (lit.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (lit.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (lit.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isPrefixUnaryExpression(lit) && ts.isNumericLiteral(lit.operand)) return -Number(lit.operand.text);
  throw new Error(`unsupported literal ${lit.getText()}`);
}

function isExcludeReference(node: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Exclude';
}

/**
 * Merges `src` into `dst`. Intersection: a key is required when any part requires it.
 * Union (alternatives): only when every alternative requires it.
 */
function mergeInto(dst: ObjectNode, src: TypeNode, mode: 'intersection' | 'union'): void {
  if (src.t !== 'object') return;
  const firstUnionMember = mode === 'union' && dst.props.size === 0 && dst.oneOf.length === 0 && dst.additional === undefined;
  for (const [key, p] of src.props) {
    const prev = dst.props.get(key);
    if (!prev) {
      const required = mode === 'intersection' || firstUnionMember ? p.required : false;
      dst.props.set(key, { ...p, required });
      continue;
    }
    const required = mode === 'intersection' ? prev.required || p.required : prev.required && p.required;
    dst.props.set(key, { node: mergeNodes(prev.node, p.node), doc: prev.doc ?? p.doc, required });
  }
  if (mode === 'union' && !firstUnionMember) {
    for (const [key, p] of dst.props) if (!src.props.has(key) && p.required) dst.props.set(key, { ...p, required: false });
  }
  dst.additional ??= src.additional;
  for (const g of src.oneOf) if (!dst.oneOf.some((h) => h.join() === g.join())) dst.oneOf.push(g);
  dst.doc ??= src.doc;
}

function mergeNodes(a: TypeNode, b: TypeNode): TypeNode {
  if (a === b || a.t !== 'object' || b.t !== 'object') return a;
  const out = objectNode();
  mergeInto(out, a, 'intersection');
  mergeInto(out, b, 'intersection');
  out.name = a.name;
  return out;
}

function docOf(node: ts.Node): string | undefined {
  const parts: string[] = [];
  for (const d of ts.getJSDocCommentsAndTags(node)) {
    if (ts.isJSDoc(d)) {
      const text = ts.getTextOfJSDocComment(d.comment);
      if (text) parts.push(text);
    }
  }
  return parts.length === 0 ? undefined : cleanDoc(parts.join('\n\n'));
}

/** Drops the Gateway API's generator markers (`<gateway:…>`, CEL rule text) and JSDoc escapes. */
export function cleanDoc(text: string): string | undefined {
  const out = text
    .split('\n')
    .filter((line) => !/^\s*<\/?gateway:[^\n]*>\s*$/.test(line))
    .join('\n')
    .replace(/\\\*/g, '*')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return out === '' ? undefined : out;
}

/** `…/gateway.networking.k8s.io/v1/HTTPRouteSpec.d.ts` → `gateway.v1.HTTPRouteSpec` (a definition's name). */
function definitionName(decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): string {
  const file = decl.getSourceFile().fileName.replace(/\\/g, '/');
  const type = decl.name.text.replace(/^I/, '');
  const version = /\/(v[0-9]+(?:alpha[0-9]+|beta[0-9]+)?)\/[^/]*$/.exec(file)?.[1];
  const prefix = file.includes('/@kubernetes-models/gateway-api/')
    ? 'gateway'
    : file.includes('/@kubernetes-models/istio/')
      ? 'istio'
      : file.includes('/@kubernetes-models/apimachinery/')
        ? 'meta'
        : file.includes('/kubernetes-models/')
          ? 'core'
          : 'model';
  return [prefix, version, type].filter((p) => p !== undefined).join('.');
}
