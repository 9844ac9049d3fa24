// The dashboard's map: Leaflet drawn in the page itself by a Streamlit v2 component (no iframe).
// Streamlit calls the default export on mount and again whenever the data changes. The map and every
// layer whose key is unchanged are kept, and so is the reader's view unless Python asks for a new one.
// Layer specs come from scales/dashboard/maps.py; their texts were escaped there.

const LEAFLET = "/app/static/leaflet/leaflet.js";
const LEAFLET_CSS = "/app/static/leaflet/leaflet.css";

function loadLeaflet() {
  if (!window.scalesLeaflet) {
    window.scalesLeaflet = new Promise((resolve, reject) => {
      const css = Object.assign(document.createElement("link"), { rel: "stylesheet", href: LEAFLET_CSS });
      const script = Object.assign(document.createElement("script"), { src: LEAFLET });
      script.onload = () => resolve(window.L);
      script.onerror = () => {
        window.scalesLeaflet = null;
        reject(new Error("Leaflet did not load from " + LEAFLET));
      };
      document.head.append(css, script);
    });
  }
  return window.scalesLeaflet;
}

const published = new Map(); // URL → GeoJSON; published files are content-addressed, so fetched once

function features(spec) {
  if (spec.data !== undefined) return Promise.resolve(JSON.parse(spec.data));
  if (!published.has(spec.url)) {
    published.set(
      spec.url,
      fetch(spec.url).then((response) => {
        if (!response.ok) throw new Error(spec.url + ": HTTP " + response.status);
        return response.json();
      }),
    );
  }
  return published.get(spec.url);
}

function tooltipOf(properties, nisLabel) {
  if (properties.label) return properties.label; // locations: made (and escaped) in Python
  const nis = properties.nis ? "<br>" + nisLabel + " " + properties.nis : "";
  const units = properties.units ? "<br>" + properties.units.split("\n").join("<br>") : "";
  return "<b>" + properties.name + "</b>" + nis + units;
}

function build(L, spec, geojson, report) {
  const pane = spec.pane || "overlayPane";
  const layer = L.geoJSON(geojson, {
    interactive: Boolean(spec.interactive),
    pane: pane,
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: spec.radius || 6, pane: pane }),
    style: (feature) => {
      const style = Object.assign({}, spec.style);
      if (spec.fill_key) {
        const colour = (spec.fill || {})[feature.properties[spec.fill_key]];
        if (colour) style.fillColor = colour;
        else style.fillOpacity = 0;
      }
      return style;
    },
    onEachFeature: (feature, item) => {
      if (spec.tooltip === undefined) return;
      item.bindTooltip(tooltipOf(feature.properties, spec.tooltip), { sticky: true });
      if (!spec.clickable) return;
      item.on("mouseover", () => item.setStyle({ weight: 2.5, color: "#000" }));
      item.on("mouseout", () => layer.resetStyle(item));
      if (report) item.on("click", () => report(feature.properties.nis));
    },
  });
  return layer;
}

function legendOf(L, legend) {
  const control = L.control({ position: "bottomleft" });
  control.onAdd = () => {
    const box = L.DomUtil.create("div", "scales-legend");
    box.setAttribute("role", "list");
    box.setAttribute("aria-label", legend.title);
    box.style.cssText =
      "background:#fff;padding:6px 8px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.35);" +
      "font:12px/1.4 sans-serif;color:#222;max-width:260px;pointer-events:none";
    const title = document.createElement("b");
    title.textContent = legend.title;
    box.append(title);
    for (const [swatch, label] of legend.items) {
      const row = document.createElement("div");
      row.setAttribute("role", "listitem");
      const mark = document.createElement("span");
      mark.style.cssText = "display:inline-block;width:22px;height:10px;margin-right:6px;vertical-align:middle;" + swatch;
      row.append(mark, document.createTextNode(label));
      box.append(row);
    }
    return box;
  };
  return control;
}

function createMap(L, holder, data) {
  const map = L.map(holder, { zoomSnap: 0.25 });
  for (const [name, zIndex] of Object.entries(data.panes)) map.createPane(name).style.zIndex = zIndex;
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    attribution: "© OpenStreetMap contributors",
    maxZoom: 19,
  }).addTo(map);
  L.control.scale().addTo(map);
  map.fitBounds(data.bounds, { padding: [12, 12] });
  return map;
}

// Draw `data.layers` in order: keep the unchanged head of the list, take the rest off and put it back in
// order (reusing built layers), so the drawing order is always the list's.
function draw(state, specs, built) {
  let same = 0;
  while (same < state.drawn.length && same < specs.length && state.drawn[same].key === specs[same].key) same++;
  for (const old of state.drawn.slice(same)) state.map.removeLayer(old.layer);
  const drawn = state.drawn.slice(0, same);
  specs.slice(same).forEach((spec, index) => {
    const layer = built[same + index];
    layer.addTo(state.map);
    drawn.push({ key: spec.key, layer: layer });
  });
  state.drawn = drawn;
  state.built = new Map(drawn.map((entry) => [entry.key, entry.layer]));
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let state = parentElement.scalesMap;
  if (!state) {
    const holder = document.createElement("div");
    holder.className = "scales-map";
    holder.setAttribute("role", "region");
    holder.setAttribute("aria-label", data.label);
    parentElement.append(holder);
    state = { holder: holder, map: null, drawn: [], built: new Map(), view: null, legend: null, failed: null, run: 0 };
    parentElement.scalesMap = state;
  }
  state.holder.style.height = data.height + "px";
  const run = ++state.run;
  const report = data.clicks ? (nis) => setTriggerValue("clicked", nis) : null; // a click reruns only if asked
  const wanted = data.layers.map((spec) => (state.built.has(spec.key) ? null : features(spec)));
  Promise.all([loadLeaflet(), Promise.all(wanted)]).then(([L, fetchedFeatures]) => {
    if (run !== state.run) return; // a newer rerun has taken over
    if (!state.map) {
      state.map = createMap(L, state.holder, data);
      state.holder.leafletMap = state.map; // for the browser tests
    }
    const built = data.layers.map((spec, index) =>
      state.built.has(spec.key) ? state.built.get(spec.key) : build(L, spec, fetchedFeatures[index], report),
    );
    draw(state, data.layers, built);
    if (state.legend) state.legend.remove();
    state.legend = data.legend ? legendOf(L, data.legend).addTo(state.map) : null;
    const view = JSON.stringify(data.view);
    if (data.view && view !== state.view) state.map.setView(data.view.center, data.view.zoom, { animate: false });
    state.view = view;
  }).catch((error) => {
    console.error(error);
    if (state.failed) return;
    state.failed = Object.assign(document.createElement("p"), { textContent: data.failed }); // said, not a blank box
    state.failed.setAttribute("role", "alert");
    parentElement.prepend(state.failed);
  });
  return () => {
    if (!parentElement.isConnected && state.map) state.map.remove(); // unmounted, not just updated
  };
}
