"""Synthetic text in the site's four languages: real words in random order, so that stemmers and the
search index see realistic text, shaped into sentences, paragraphs, lists, tables and page bodies."""
from __future__ import annotations

import random

import yaml

# Pseudo-text vocabulary per language: real words, random order, so stemmers and the index see realistic text.
WORDS = {
    "en": "cluster firms region market value chain supplier buyer training standard export investment network "
          "cooperation association ministry agency university research innovation capacity quality productivity "
          "strategy member service funding partner dialogue framework policy growth employment skills technology "
          "logistics certification small medium enterprise local global product process pilot project evaluation "
          "management governance board secretariat budget contribution sector industry energy textile tourism "
          "agriculture trust learning workshop survey roadmap action plan result impact lesson competitiveness".split(),
    "de": "Cluster Unternehmen Region Markt Wertschöpfungskette Zulieferer Käufer Ausbildung Standard Export "
          "Investition Netzwerk Kooperation Verband Ministerium Agentur Hochschule Forschung Innovation Kapazität "
          "Qualität Produktivität Strategie Mitglied Leistung Förderung Partner Dialog Rahmen Politik Wachstum "
          "Beschäftigung Fähigkeiten Technik Logistik Zertifizierung kleine mittlere lokale globale Produkt Prozess "
          "Pilotprojekt Bewertung Management Steuerung Vorstand Geschäftsstelle Haushalt Beitrag Branche Industrie "
          "Energie Textil Tourismus Landwirtschaft Vertrauen Lernen Workshop Umfrage Fahrplan Maßnahme Ergebnis "
          "Wirkung Erfahrung Wettbewerbsfähigkeit gemeinsam stärken entwickeln".split(),
    "es": "clúster empresas región mercado cadena valor proveedor comprador formación norma exportación inversión "
          "red cooperación asociación ministerio agencia universidad investigación innovación capacidad calidad "
          "productividad estrategia miembro servicio financiación socio diálogo marco política crecimiento empleo "
          "competencias tecnología logística certificación pequeña mediana local global producto proceso piloto "
          "proyecto evaluación gestión gobernanza junta secretaría presupuesto contribución sector industria energía "
          "textil turismo agricultura confianza aprendizaje taller encuesta hoja ruta acción resultado impacto "
          "lección competitividad".split(),
    "fr": "cluster entreprises région marché chaîne valeur fournisseur acheteur formation norme exportation "
          "investissement réseau coopération association ministère agence université recherche innovation capacité "
          "qualité productivité stratégie membre service financement partenaire dialogue cadre politique croissance "
          "emploi compétences technologie logistique certification petite moyenne locale mondiale produit processus "
          "pilote projet évaluation gestion gouvernance conseil secrétariat budget contribution secteur industrie "
          "énergie textile tourisme agriculture confiance apprentissage atelier enquête feuille route action résultat "
          "impact leçon compétitivité".split(),
}


def sentence(rng: random.Random, lang: str, low: int = 8, high: int = 16) -> str:
    """One pseudo-sentence of low..high words from the language's vocabulary."""
    words = rng.choices(WORDS[lang], k=rng.randint(low, high))
    if len(words) > 6 and rng.random() < 0.4:
        words[rng.randint(2, len(words) - 3)] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str, link: str = "") -> str:
    """Three to five sentences; `link` (a Markdown link) is woven into the middle when given."""
    sentences = [sentence(rng, lang) for _ in range(rng.randint(3, 5))]
    if link:
        sentences.insert(len(sentences) // 2, f"{sentence(rng, lang, 4, 7)[:-1]} {link}.")
    return " ".join(sentences)


def heading(rng: random.Random, lang: str) -> str:
    """Two to four words, for headings, titles and short names."""
    return sentence(rng, lang, 2, 4)[:-1]


def bullet_list(rng: random.Random, lang: str) -> str:
    """A Markdown list of three to six short items."""
    return "\n".join(f"- {sentence(rng, lang, 3, 8)[:-1]}" for _ in range(rng.randint(3, 6)))


def table(rng: random.Random, lang: str) -> str:
    """A Markdown table: three columns, three to five rows."""
    columns = [heading(rng, lang) for _ in range(3)]
    rows = [f"| {heading(rng, lang)} | {rng.randint(1, 900)} | {rng.randint(2000, 2024)} |"
            for _ in range(rng.randint(3, 5))]
    return "\n".join([f"| {' | '.join(columns)} |", "|---|---:|---:|", *rows])


def words_in(text: str) -> int:
    """Words as a reader counts them, roughly: whitespace-separated tokens."""
    return len(text.split())


def page_body(rng: random.Random, lang: str, links: list[str]) -> str:
    """About 400-600 words in H2 sections (some with an H3), with lists, sometimes a table, and the links;
    the last section overshoots the target by up to ~120 words."""
    target = rng.randint(380, 480)
    links = list(links)
    blocks = [paragraph(rng, lang, links.pop() if links else "")]
    has_table = rng.random() < 0.35
    while words_in("\n".join(blocks)) < target or links:
        blocks.append(f"## {heading(rng, lang)}")
        blocks.append(paragraph(rng, lang, links.pop() if links else ""))
        if rng.random() < 0.5:
            blocks.append(bullet_list(rng, lang))
        if rng.random() < 0.4:
            blocks.append(f"### {heading(rng, lang)}")
            blocks.append(paragraph(rng, lang))
        if has_table:
            blocks.append(table(rng, lang))
            has_table = False
    return "\n\n".join(blocks)


def front_matter(**fields: str) -> str:
    """A YAML front-matter block."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000) + "---\n"
