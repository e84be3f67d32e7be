// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcmlWriter.h"

#include <QXmlStreamWriter>

namespace Crm::RetailCrm {

namespace {

QString number(double value)
{
    return QString::number(value, 'f', value == qint64(value) ? 0 : 2);
}

/** Names of the params we know; others are shown by their code. */
QString paramName(const QString &code)
{
    if (code == QLatin1String("made_in"))
        return QStringLiteral("Страна производства");
    if (code == QLatin1String("article"))
        return QStringLiteral("Артикул");
    return code;
}

void writeParam(QXmlStreamWriter &w, const QString &code, const QString &value)
{
    w.writeStartElement(QStringLiteral("param"));
    w.writeAttribute(QStringLiteral("name"), paramName(code));
    w.writeAttribute(QStringLiteral("code"), code);
    w.writeCharacters(value);
    w.writeEndElement();
}

/** One offer: the product itself (@p variant null) or one of its variants, grouped by productId. */
void writeOffer(QXmlStreamWriter &w, const Model::CatalogProduct &p, const Model::CatalogVariant *variant)
{
    const QString article = variant && !variant->article.isEmpty() ? variant->article : p.article;
    const QString picture = variant && !variant->picture.isEmpty() ? variant->picture : p.picture;
    const double weight = variant && variant->weight > 0 ? variant->weight : p.weight;
    w.writeStartElement(QStringLiteral("offer"));
    w.writeAttribute(QStringLiteral("id"), variant ? IcmlWriter::variantOfferId(p.id, variant->id) : p.id);
    w.writeAttribute(QStringLiteral("productId"), p.id);
    w.writeAttribute(QStringLiteral("quantity"), number(qMax(0.0, variant ? variant->quantity : p.quantity)));
    if (!p.url.isEmpty())
        w.writeTextElement(QStringLiteral("url"), p.url);
    w.writeTextElement(QStringLiteral("price"), number(qMax(0.0, variant ? variant->price : p.price)));
    for (const QString &category : p.categoryIds)
        w.writeTextElement(QStringLiteral("categoryId"), category);
    if (!picture.isEmpty())
        w.writeTextElement(QStringLiteral("picture"), picture);
    w.writeTextElement(QStringLiteral("name"), variant ? variant->name : p.name);
    w.writeTextElement(QStringLiteral("productName"), p.name);
    if (!p.vendor.isEmpty())
        w.writeTextElement(QStringLiteral("vendor"), p.vendor);
    if (!article.isEmpty()) {
        w.writeTextElement(QStringLiteral("vendorCode"), article);
        writeParam(w, QStringLiteral("article"), article);
    }
    for (auto it = p.params.cbegin(); it != p.params.cend(); ++it)
        writeParam(w, it.key(), it.value());
    if (variant) {
        // What sets the variant apart ("size" → "42"), as RetailCRM shows an offer's properties.
        for (auto it = variant->options.cbegin(); it != variant->options.cend(); ++it) {
            if (!p.params.contains(it.key()))
                writeParam(w, it.key(), it.value());
        }
    }
    if (weight > 0)
        w.writeTextElement(QStringLiteral("weight"), QString::number(weight, 'f', 3));
    const bool active = variant ? variant->active && p.active : p.active;
    w.writeTextElement(QStringLiteral("productActivity"), active ? QStringLiteral("Y") : QStringLiteral("N"));
    w.writeEndElement();
}

} // namespace

QString IcmlWriter::variantOfferId(const QString &productId, const QString &variantId)
{
    return QStringLiteral("mod-%1-%2").arg(productId, variantId);
}

QByteArray IcmlWriter::write(const Model::Catalog &catalog, const Options &options)
{
    QByteArray xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("yml_catalog"));
    w.writeAttribute(QStringLiteral("date"),
                     options.generatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    w.writeStartElement(QStringLiteral("shop"));
    w.writeTextElement(QStringLiteral("name"), options.shopName);
    w.writeTextElement(QStringLiteral("company"),
                       options.company.isEmpty() ? options.shopName : options.company);

    w.writeStartElement(QStringLiteral("categories"));
    for (const Model::CatalogCategory &c : catalog.categories) {
        w.writeStartElement(QStringLiteral("category"));
        w.writeAttribute(QStringLiteral("id"), c.id);
        if (!c.parentId.isEmpty() && c.parentId != QLatin1String("0"))
            w.writeAttribute(QStringLiteral("parentId"), c.parentId);
        w.writeCharacters(c.name);
        w.writeEndElement();
    }
    w.writeEndElement();

    w.writeStartElement(QStringLiteral("offers"));
    for (const Model::CatalogProduct &p : catalog.products) {
        writeOffer(w, p, nullptr);
        for (const Model::CatalogVariant &v : p.variants)
            writeOffer(w, p, &v);
    }
    w.writeEndElement();
    w.writeEndElement(); // shop
    w.writeEndElement(); // yml_catalog
    w.writeEndDocument();
    return xml;
}

} // namespace Crm::RetailCrm
