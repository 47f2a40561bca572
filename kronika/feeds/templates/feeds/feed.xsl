{% load static i18n %}<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows one of the paper's RSS or Atom feeds as a page in a browser
  (kronika/feeds/stylesheet.py). XSLT 1.0, which is all browsers run.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">

<xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>

<!-- What RSS and Atom name differently, read once. -->
<xsl:variable name="channel" select="/rss/channel | /atom:feed"/>
<xsl:variable name="title" select="$channel/title | $channel/atom:title"/>
<xsl:variable name="about" select="$channel/description | $channel/atom:subtitle"/>
<xsl:variable name="address" select="$channel/atom:link[@rel='self']/@href"/>
<xsl:variable name="language" select="$channel/language | $channel/@xml:lang"/>

<xsl:template match="/">
<html lang="{$language}">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="$title"/> · {% translate "news feed" %}</title>
<link rel="icon" href="{% static 'kronika/favicon.svg' %}" type="image/svg+xml"/>
<link rel="stylesheet" href="{% static 'kronika/kronika.css' %}"/>
<link rel="stylesheet" href="{% static 'feeds/feed.css' %}"/>
</head>
<body class="feed-page">
<header class="feed-header">
  <p class="feed-paper"><a href="/">{{ settings.base.PaperSettings.name }}</a></p>
</header>
<main id="main" class="feed-main">
  <h1 class="feed-title"><xsl:value-of select="$title"/></h1>
  <xsl:if test="normalize-space($about)">
    <p class="feed-description">
      <xsl:call-template name="unescaped"><xsl:with-param name="text" select="$about"/></xsl:call-template>
    </p>
  </xsl:if>
  <section class="feed-subscribe" aria-labelledby="feed-subscribe-heading">
    <h2 id="feed-subscribe-heading">{% translate "This is a news feed" %}</h2>
    <p>{% blocktranslate trimmed with paper=settings.base.PaperSettings.name %}A feed lists the latest stories in a form that news reader apps understand.
      Subscribe to it, and new stories from {{ paper }} come to your reader
      as soon as they are published: no account or e-mail address needed.{% endblocktranslate %}</p>
    <h3>{% translate "How to subscribe" %}</h3>
    <ol>
      <li>{% translate "Copy this address:" %}
        <code class="feed-address"><xsl:value-of select="$address"/></code></li>
      <li>{% blocktranslate trimmed %}Paste it into your news reader (for example NetNewsWire, Feedly, Inoreader
        or Thunderbird), where it asks for a feed or a website to follow.{% endblocktranslate %}</li>
    </ol>
  </section>
  <section class="feed-items" aria-labelledby="feed-items-heading">
    <h2 id="feed-items-heading">{% translate "Latest stories" %}</h2>
    <xsl:choose>
      <xsl:when test="$channel/item | $channel/atom:entry">
        <ol class="feed-list">
          <xsl:apply-templates select="$channel/item | $channel/atom:entry"/>
        </ol>
      </xsl:when>
      <xsl:otherwise><p>{% translate "No stories yet." %}</p></xsl:otherwise>
    </xsl:choose>
  </section>
</main>
<footer class="feed-footer">
  <p><a href="{$channel/link | $channel/atom:link[@rel='alternate']/@href}">{% blocktranslate with feed=feed_title %}Read {{ feed }} on the website{% endblocktranslate %}</a></p>
</footer>
</body>
</html>
</xsl:template>

<xsl:template match="item">
  <li class="feed-item">
    <h3 class="feed-item-title"><a href="{link}"><xsl:value-of select="title"/></a></h3>
    <xsl:if test="pubDate">
      <!-- RFC 822: "Sun, 06 Dec 2026 09:00:00 +0000" -->
      <xsl:call-template name="date">
        <xsl:with-param name="year" select="substring(pubDate, 13, 4)"/>
        <xsl:with-param name="month" select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', substring(pubDate, 9, 3))) div 3 + 1"/>
        <xsl:with-param name="day" select="number(substring(pubDate, 6, 2))"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="normalize-space(description)">
      <p class="feed-item-summary">
        <xsl:call-template name="unescaped"><xsl:with-param name="text" select="description"/></xsl:call-template>
      </p>
    </xsl:if>
  </li>
</xsl:template>

<xsl:template match="atom:entry">
  <xsl:variable name="when" select="(atom:published | atom:updated)[1]"/>
  <li class="feed-item">
    <h3 class="feed-item-title"><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
    <xsl:if test="$when">
      <!-- RFC 3339: "2026-12-06T09:00:00+00:00" -->
      <xsl:call-template name="date">
        <xsl:with-param name="year" select="substring($when, 1, 4)"/>
        <xsl:with-param name="month" select="number(substring($when, 6, 2))"/>
        <xsl:with-param name="day" select="number(substring($when, 9, 2))"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="normalize-space(atom:summary)">
      <p class="feed-item-summary">
        <xsl:call-template name="unescaped"><xsl:with-param name="text" select="atom:summary"/></xsl:call-template>
      </p>
    </xsl:if>
  </li>
</xsl:template>

<!-- The date as the site writes it in the feed's language ("6 December 2026",
  "2026 m. gruodžio 6 d.", "6 декабря 2026 г."), in a <time> machines can read.
  The view gives each month's pattern, with {D} and {Y} where the day and year go. -->
<xsl:variable name="month-patterns">{{ month_patterns }}</xsl:variable>

<xsl:template name="date">
  <xsl:param name="year"/>
  <xsl:param name="month"/>
  <xsl:param name="day"/>
  <xsl:variable name="pattern">
    <xsl:call-template name="nth-item">
      <xsl:with-param name="items" select="string($month-patterns)"/>
      <xsl:with-param name="n" select="$month"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="dated" select="concat(substring-before($pattern, '{D}'), $day, substring-after($pattern, '{D}'))"/>
  <p class="feed-item-date">
    <time datetime="{$year}-{format-number($month, '00')}-{format-number($day, '00')}">
      <xsl:value-of select="concat(substring-before($dated, '{Y}'), $year, substring-after($dated, '{Y}'))"/>
    </time>
  </p>
</xsl:template>

<!-- The nth of the items of "|a|b|c|". -->
<xsl:template name="nth-item">
  <xsl:param name="items"/>
  <xsl:param name="n"/>
  <xsl:variable name="rest" select="substring-after($items, '|')"/>
  <xsl:choose>
    <xsl:when test="$n &lt;= 1"><xsl:value-of select="substring-before($rest, '|')"/></xsl:when>
    <xsl:otherwise>
      <xsl:call-template name="nth-item">
        <xsl:with-param name="items" select="$rest"/>
        <xsl:with-param name="n" select="$n - 1"/>
      </xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!--
  The feeds carry standfirsts as HTML-escaped text (readers show descriptions
  as HTML), so "&amp;" is in the text where the story has "&". This turns back
  exactly the five escapes Django's escape() writes, as text: no
  disable-output-escaping, which Firefox ignores and which would trust markup.
-->
<xsl:template name="unescaped">
  <xsl:param name="text"/>
  <xsl:choose>
    <xsl:when test="contains($text, '&amp;')">
      <xsl:variable name="after" select="substring-after($text, '&amp;')"/>
      <xsl:value-of select="substring-before($text, '&amp;')"/>
      <xsl:choose>
        <xsl:when test="starts-with($after, 'amp;')">&amp;<xsl:call-template name="unescaped"><xsl:with-param name="text" select="substring($after, 5)"/></xsl:call-template></xsl:when>
        <xsl:when test="starts-with($after, 'lt;')">&lt;<xsl:call-template name="unescaped"><xsl:with-param name="text" select="substring($after, 4)"/></xsl:call-template></xsl:when>
        <xsl:when test="starts-with($after, 'gt;')">&gt;<xsl:call-template name="unescaped"><xsl:with-param name="text" select="substring($after, 4)"/></xsl:call-template></xsl:when>
        <xsl:when test="starts-with($after, 'quot;')">"<xsl:call-template name="unescaped"><xsl:with-param name="text" select="substring($after, 6)"/></xsl:call-template></xsl:when>
        <xsl:when test="starts-with($after, '#x27;')">'<xsl:call-template name="unescaped"><xsl:with-param name="text" select="substring($after, 6)"/></xsl:call-template></xsl:when>
        <xsl:otherwise>&amp;<xsl:call-template name="unescaped"><xsl:with-param name="text" select="$after"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
