import type { ReactNode } from 'react';
import { parseMarkdown, type Inline } from '@/lib/governance/markdown';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={i} className="font-semibold text-slate-100">{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
      case 'code':
        return <code key={i} className="rounded bg-slate-800 px-1 font-mono text-sm">{node.text}</code>;
      case 'link':
        return (
          <a key={i} href={node.href} rel="noopener noreferrer nofollow" target="_blank" className="text-amber-200 underline">
            {inline(node.children)}
          </a>
        );
    }
  });
}

const HEADING = ['text-xl', 'text-lg', 'text-base', 'text-base'];

/** A proposal description as safe Markdown: React elements from a parsed subset, never raw HTML. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="space-y-3 text-slate-300" data-testid="proposal-description">
      {parseMarkdown(source).map((block, i) => {
        switch (block.type) {
          case 'heading': {
            const Tag = `h${Math.min(block.level + 1, 6)}` as 'h2';
            return <Tag key={i} className={`${HEADING[block.level - 1]} font-semibold text-slate-100`}>{inline(block.children)}</Tag>;
          }
          case 'paragraph':
            return <p key={i}>{inline(block.children)}</p>;
          case 'list': {
            const Tag = block.ordered ? 'ol' : 'ul';
            return (
              <Tag key={i} className={`${block.ordered ? 'list-decimal' : 'list-disc'} space-y-1 pl-6`}>
                {block.items.map((item, j) => <li key={j}>{inline(item)}</li>)}
              </Tag>
            );
          }
          case 'code':
            return <pre key={i} tabIndex={0} className="overflow-x-auto rounded bg-slate-950 p-3 font-mono text-sm focus-visible:outline-2 focus-visible:outline-amber-400">{block.text}</pre>;
        }
      })}
    </div>
  );
}
