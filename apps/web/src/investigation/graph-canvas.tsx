import { useEffect, useRef, useState } from 'react';
import type cytoscape from 'cytoscape';
import type { GraphNodeView, GraphView } from './parse-investigation.ts';

// Cytoscape prepends a <style> element unless one with this id exists; the console's CSP refuses inline
// styles, so a placeholder stands in for it and investigation.css carries the one rule it would add.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function claimCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID) !== null) return;
  const placeholder = document.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.appendChild(placeholder);
}

const kindColours: Record<string, string> = {
  alert: '#c62828',
  host: '#1565c0',
  user: '#6a1b9a',
  ip: '#00838f',
  process: '#ef6c00',
  file: '#5d4037',
  hash: '#546e7a',
  domain: '#2e7d32',
  url: '#558b2f',
  cloud_account: '#ad1457',
  cloud_resource: '#ad1457',
};

const style: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': 'data(colour)',
      color: '#222',
      'font-size': 10,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-max-width': '120px',
      'text-wrap': 'ellipsis',
      width: 'data(size)',
      height: 'data(size)',
    },
  },
  { selector: 'node[kind = "alert"]', style: { shape: 'diamond' } },
  { selector: 'node[kind = "process"]', style: { shape: 'round-rectangle' } },
  {
    selector: 'edge',
    style: { width: 'data(width)', 'line-color': '#9e9e9e', 'curve-style': 'bezier' },
  },
  { selector: 'edge[kind = "involves"]', style: { 'line-color': '#e57373', 'line-style': 'dashed' } },
  {
    selector: 'edge[kind = "parent_child"]',
    style: { 'line-color': '#ef6c00', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#ef6c00' },
  },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
];

function elements(graph: GraphView): cytoscape.ElementDefinition[] {
  return [
    ...graph.nodes.map((n) => ({
      data: {
        id: n.id,
        kind: n.kind,
        label: n.label,
        colour: kindColours[n.kind] ?? '#757575',
        size: Math.min(18 + Math.sqrt(n.events) * 4, 48),
      },
    })),
    ...graph.edges.map((e) => ({
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        kind: e.kind,
        width: Math.min(1 + Math.log2(e.weight), 6),
      },
    })),
  ];
}

/**
 * The graph drawn on a canvas by Cytoscape.js: a click expands a node, a double click opens it. The list
 * beside it carries the same graph for keyboards and screen readers; the picture is an extra.
 */
export function GraphCanvas({
  graph,
  onExpand,
  onOpen,
}: {
  readonly graph: GraphView;
  readonly onExpand: (node: GraphNodeView) => void;
  readonly onOpen: (node: GraphNodeView) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onExpand, onOpen });
  handlers.current = { onExpand, onOpen };
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (el === null) return;
    let cy: cytoscape.Core | undefined;
    let gone = false;
    // Loaded on first use: the drawing library stays out of the console's main bundle.
    import('cytoscape')
      .then(({ default: create }) => {
        if (gone) return;
        claimCytoscapeStylesheet();
        cy = create({
          container: el,
          elements: elements(graph),
          style,
          layout: { name: 'cose', animate: false, randomize: false },
          wheelSensitivity: 0.3,
        });
        const byId = new Map(graph.nodes.map((n) => [n.id, n]));
        cy.on('tap', 'node', (e) => {
          const node = byId.get((e.target as cytoscape.NodeSingular).id());
          if (node !== undefined) handlers.current.onExpand(node);
        });
        cy.on('dbltap', 'node', (e) => {
          const node = byId.get((e.target as cytoscape.NodeSingular).id());
          if (node !== undefined) handlers.current.onOpen(node);
        });
        el.dataset['drawn'] = 'true';
        setFailed(false);
      })
      .catch(() => {
        // No canvas or the chunk failed to load: the list still shows the whole graph.
        if (!gone) setFailed(true);
      });
    return () => {
      gone = true;
      cy?.destroy();
    };
  }, [graph]);

  return (
    <>
      <div
        ref={container}
        className="entity-graph"
        data-node-count={graph.nodes.length}
        data-edge-count={graph.edges.length}
        aria-hidden="true"
      />
      {failed && (
        <p className="muted">The picture could not be drawn; the list below holds the same graph.</p>
      )}
    </>
  );
}
