/**
 * Static checks behind i18n.test.ts (node only, never bundled): the locale files agree, every key the code
 * uses exists, and no component carries user-visible text that bypasses the locale files.
 */
import ts from 'typescript';

export type Locale = { [key: string]: string | Locale };

/** 'a.b.c' → value; throws on anything but nested objects of strings. */
export function flattenLocale(locale: Locale, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(locale)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') out.set(key, value);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of flattenLocale(value, key)) out.set(k, v);
    } else throw new Error(`${key}: expected a string or an object, got ${JSON.stringify(value)}`);
  }
  return out;
}

/** {{name}} placeholders of a translation, sorted, so languages can be compared. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
}

export interface Finding {
  file: string;
  line: number;
  text: string;
}

export interface KeyUsage {
  keys: Finding[];
  /** t(`x.${y}`) and the like: keys nobody can check, so they are refused. */
  dynamic: Finding[];
}

/** JSX attributes a user sees or hears. */
export const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'alt',
  'label',
  'description',
  'error',
]);

/** Object properties (e.g. Mantine `data` items) that end up on screen. */
const VISIBLE_PROPERTIES = new Set(['label', 'title', 'placeholder', 'description', 'error']);
/** Properties holding a translation key for a later t(value). */
const KEY_PROPERTY = /(label|hint|title|text|description|message)Key$/i;

const HAS_LETTER = /\p{L}/u;

function parse(source: string, file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
}

function finding(sf: ts.SourceFile, node: ts.Node, file: string): Finding {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { file, line: line + 1, text: node.getText(sf).trim().slice(0, 80) };
}

function propertyName(name: ts.PropertyName | ts.JsxAttributeName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return undefined;
}

/**
 * Literal text an expression would put on screen: string literals and templates, also as branches of
 * `a ? 'x' : 'y'` and `a || 'x'`. Calls are not entered — t('key') is exactly how text should arrive.
 */
function visibleLiterals(expr: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    return HAS_LETTER.test(expr.text) ? [expr] : [];
  }
  if (ts.isTemplateExpression(expr)) {
    const parts = [expr.head.text, ...expr.templateSpans.map((span) => span.literal.text)];
    return parts.some((part) => HAS_LETTER.test(part)) ? [expr] : [];
  }
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) {
    return visibleLiterals(expr.expression);
  }
  if (ts.isConditionalExpression(expr))
    return [...visibleLiterals(expr.whenTrue), ...visibleLiterals(expr.whenFalse)];
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return visibleLiterals(expr.right);
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    ) {
      return [...visibleLiterals(expr.left), ...visibleLiterals(expr.right)];
    }
  }
  return [];
}

/** Hard-coded user-visible text in a component file: JSX text, visible attributes, label-like properties. */
export function findHardcodedText(source: string, file: string): Finding[] {
  const sf = parse(source, file);
  const found: Finding[] = [];
  const report = (node: ts.Node) => found.push(finding(sf, node, file));

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node);
    else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      visibleLiterals(node.expression).forEach(report);
    } else if (ts.isJsxAttribute(node)) {
      const name = propertyName(node.name);
      if (name && VISIBLE_ATTRIBUTES.has(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) {
          if (HAS_LETTER.test(node.initializer.text)) report(node);
        } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
          visibleLiterals(node.initializer.expression).forEach(report);
        }
      }
    } else if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name && VISIBLE_PROPERTIES.has(name)) visibleLiterals(node.initializer).forEach(report);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function isTranslateCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

/** Keys the code refers to: t('k'), i18n.t('k'), <Trans i18nKey="k">, { labelKey: 'k' }. */
export function findTranslationKeys(source: string, file: string): KeyUsage {
  const sf = parse(source, file);
  const usage: KeyUsage = { keys: [], dynamic: [] };
  const addKey = (node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral) =>
    usage.keys.push({ ...finding(sf, node, file), text: node.text });

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments.length > 0) {
      const arg = node.arguments[0];
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) addKey(arg);
      else if (ts.isTemplateExpression(arg) || ts.isBinaryExpression(arg))
        usage.dynamic.push(finding(sf, node, file));
    } else if (ts.isJsxAttribute(node) && propertyName(node.name) === 'i18nKey' && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) addKey(node.initializer);
      else usage.dynamic.push(finding(sf, node, file));
    } else if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name && KEY_PROPERTY.test(name)) {
        const value = node.initializer;
        if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) addKey(value);
        else usage.dynamic.push(finding(sf, node, file));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return usage;
}
