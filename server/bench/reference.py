"""Independent implementations for the analysis cross-check and benchmark.

Run by server/bench/reference.ts. Two commands, both reading JSON on stdin and writing JSON on
stdout:

  analyses   graphs given as raw levels, actors and links (coupling, kind, ratings, self-links
             and parallel links included): networkx builds its own responsive graph from them
             and computes components, islands, articulation points with the parts they
             separate, exact betweenness, widest paths up to the top level and from each
             initiative's owner to its target actors, level gaps and level skips, from the
             definitions in server/src/analysis/README.md.
  kernels    one simple undirected graph as an edge list: components, articulation points and
             betweenness (exact, or from k sources; igraph exact only), timed, by networkx or
             igraph.
"""

import json
import sys
import time

RESPONSIVE = {"TIGHT": 2, "LOOSE": 1}


def responsive_graph(nx, graph):
    """Tight and loose links, either direction, one edge per pair, no self-links."""
    g = nx.Graph()
    g.add_nodes_from(actor["id"] for actor in graph["actors"])
    g.add_edges_from(
        (link["sourceId"], link["targetId"])
        for link in graph["links"]
        if link["coupling"] in RESPONSIVE and link["sourceId"] != link["targetId"]
    )
    return g


def chain_ranks(graph):
    chain = [level["key"] for level in graph["levels"] if not level["isSide"]]
    return chain, {key: rank for rank, key in enumerate(chain)}


def top_level(graph, rank_of):
    """The highest chain level that has an actor, as a rank, or None."""
    ranks = [rank_of[a["levelKey"]] for a in graph["actors"] if a["levelKey"] in rank_of]
    return min(ranks) if ranks else None


def islands(nx, graph, g, rank_of, top, min_size):
    order = {actor["id"]: i for i, actor in enumerate(graph["actors"])}
    level_of = {actor["id"]: actor["levelKey"] for actor in graph["actors"]}
    components = [sorted(c, key=order.get) for c in nx.connected_components(g)]

    def top_count(component):
        return sum(1 for a in component if top is not None and rank_of.get(level_of[a]) == top)

    candidates = [c for c in components if top_count(c) > 0]
    mainland = None
    if candidates:
        mainland = max(candidates, key=lambda c: (top_count(c), len(c), -order[c[0]]))
    result = []
    for component in components:
        if component is mainland or len(component) < min_size:
            continue
        composition = {}
        for actor in component:
            composition[level_of[actor]] = composition.get(level_of[actor], 0) + 1
        result.append({"actorIds": component, "size": len(component), "levelComposition": composition})
    result.sort(key=lambda island: (-island["size"], order[island["actorIds"][0]]))
    return {"componentCount": len(components), "mainland": mainland, "islands": result}


def articulation_parts(nx, g):
    """Each articulation point with the sizes of the parts its component falls into without it."""
    parts = {}
    for point in nx.articulation_points(g):
        component = g.subgraph(nx.node_connected_component(g, point)).copy()
        component.remove_node(point)
        parts[point] = sorted((len(c) for c in nx.connected_components(component)), reverse=True)
    return parts


def widest_from(nx, graph, sources):
    """Width (2 tight, 1 loose) and hops of each other actor's best path to one of the sources.

    A step from u to v over a responsive link is allowed unless the link records that u does not
    respond to v. The widest path's width is the largest strength t such that u reaches a source
    over steps of strength >= t; its hops are the fewest such steps.
    """
    result = {}
    if not sources:
        return result
    for threshold in (2, 1):
        steps = nx.DiGraph()
        steps.add_nodes_from(actor["id"] for actor in graph["actors"])
        for link in graph["links"]:
            strength = RESPONSIVE.get(link["coupling"], 0)
            if strength < threshold:
                continue
            s, t = link["sourceId"], link["targetId"]
            if link["sourceResponds"] is not False:
                steps.add_edge(s, t)  # the source responds to the target
            if link["targetResponds"] is not False:
                steps.add_edge(t, s)
        steps.add_node("__sources__")
        steps.add_edges_from((a, "__sources__") for a in sources)
        hops = nx.shortest_path_length(steps.reverse(copy=False), source="__sources__")
        for actor, length in hops.items():
            if actor == "__sources__" or actor in sources or actor in result:
                continue
            result[actor] = {"width": threshold, "hops": length - 1}
    return result


def widest_paths(nx, graph, rank_of, top):
    """Each actor's best path up to the top level (widest_from the top level's actors)."""
    level_of = {actor["id"]: actor["levelKey"] for actor in graph["actors"]}
    tops = [a for a, key in level_of.items() if top is not None and rank_of.get(key) == top]
    return widest_from(nx, graph, tops)


def initiative_reach(nx, graph):
    """Per initiative with an owner: each target other than the owner that is reached, and how."""
    return {
        initiative["id"]: {
            target: path
            for target, path in widest_from(nx, graph, [initiative["ownerId"]]).items()
            if target in initiative["targetActorIds"]
        }
        for initiative in graph.get("initiatives", [])
        if initiative["ownerId"] is not None
    }


def level_gaps_and_skips(graph, chain, rank_of):
    level_of = {actor["id"]: actor["levelKey"] for actor in graph["actors"]}
    gaps = []
    for upper, lower in zip(chain, chain[1:]):
        joined = any(
            link["coupling"] in RESPONSIVE
            and {level_of[link["sourceId"]], level_of[link["targetId"]]} == {upper, lower}
            for link in graph["links"]
        )
        if not joined:
            gaps.append([upper, lower])
    skips = [
        link["id"]
        for link in graph["links"]
        if level_of[link["sourceId"]] in rank_of
        and level_of[link["targetId"]] in rank_of
        and abs(rank_of[level_of[link["sourceId"]]] - rank_of[level_of[link["targetId"]]]) >= 2
    ]
    return gaps, skips


def analyses(request):
    import networkx as nx

    out = []
    for graph in request["graphs"]:
        g = responsive_graph(nx, graph)
        chain, rank_of = chain_ranks(graph)
        top = top_level(graph, rank_of)
        gaps, skips = level_gaps_and_skips(graph, chain, rank_of)
        out.append(
            {
                "topLevelKey": chain[top] if top is not None else None,
                "islands": islands(nx, graph, g, rank_of, top, graph.get("minSize", 1)),
                "articulationPoints": articulation_parts(nx, g),
                "betweenness": nx.betweenness_centrality(g, normalized=False),
                "paths": widest_paths(nx, graph, rank_of, top),
                "initiativeReach": initiative_reach(nx, graph),
                "levelGaps": gaps,
                "levelSkips": skips,
            }
        )
    return out


def kernels(request):
    n, edges, k, library = request["n"], request["edges"], request["samples"], request["library"]
    seconds = {}
    if library == "igraph":
        import igraph as ig

        g = ig.Graph(n=n, edges=edges)
        start = time.perf_counter()
        g.connected_components()
        seconds["components"] = time.perf_counter() - start
        start = time.perf_counter()
        g.articulation_points()
        seconds["articulationPoints"] = time.perf_counter() - start
        # Debian's python-igraph 0.10.2 has no betweenness from a subset of sources: exact only.
        seconds["betweenness"] = None
        if not 0 < k < n:
            start = time.perf_counter()
            g.betweenness(directed=False)
            seconds["betweenness"] = time.perf_counter() - start
    else:
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        start = time.perf_counter()
        list(nx.connected_components(g))
        seconds["components"] = time.perf_counter() - start
        start = time.perf_counter()
        list(nx.articulation_points(g))
        seconds["articulationPoints"] = time.perf_counter() - start
        start = time.perf_counter()
        nx.betweenness_centrality(g, k=(k if 0 < k < n else None), normalized=False, seed=request["seed"])
        seconds["betweenness"] = time.perf_counter() - start
    return {"seconds": seconds}


if __name__ == "__main__":
    command = sys.argv[1]
    request = json.load(sys.stdin)
    json.dump(analyses(request) if command == "analyses" else kernels(request), sys.stdout)
