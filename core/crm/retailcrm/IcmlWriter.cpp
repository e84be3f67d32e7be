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

} // namespace

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
        w.writeStartElement(QStringLiteral("offer"));
        w.writeAttribute(QStringLiteral("id"), p.id);
        w.writeAttribute(QStringLiteral("productId"), p.id);
        w.writeAttribute(QStringLiteral("quantity"), number(qMax(0.0, p.quantity)));
        if (!p.url.isEmpty())
            w.writeTextElement(QStringLiteral("url"), p.url);
        w.writeTextElement(QStringLiteral("price"), number(p.price));
        for (const QString &category : p.categoryIds)
            w.writeTextElement(QStringLiteral("categoryId"), category);
        if (!p.picture.isEmpty())
            w.writeTextElement(QStringLiteral("picture"), p.picture);
        w.writeTextElement(QStringLiteral("name"), p.name);
        w.writeTextElement(QStringLiteral("productName"), p.name);
        if (!p.vendor.isEmpty())
            w.writeTextElement(QStringLiteral("vendor"), p.vendor);
        if (!p.article.isEmpty()) {
            w.writeTextElement(QStringLiteral("vendorCode"), p.article);
            w.writeStartElement(QStringLiteral("param"));
            w.writeAttribute(QStringLiteral("name"), paramName(QStringLiteral("article")));
            w.writeAttribute(QStringLiteral("code"), QStringLiteral("article"));
            w.writeCharacters(p.article);
            w.writeEndElement();
        }
        for (auto it = p.params.cbegin(); it != p.params.cend(); ++it) {
            w.writeStartElement(QStringLiteral("param"));
            w.writeAttribute(QStringLiteral("name"), paramName(it.key()));
            w.writeAttribute(QStringLiteral("code"), it.key());
            w.writeCharacters(it.value());
            w.writeEndElement();
        }
        if (p.weight > 0)
            w.writeTextElement(QStringLiteral("weight"), QString::number(p.weight, 'f', 3));
        w.writeTextElement(QStringLiteral("productActivity"),
                           p.active ? QStringLiteral("Y") : QStringLiteral("N"));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement(); // shop
    w.writeEndElement(); // yml_catalog
    w.writeEndDocument();
    return xml;
}

} // namespace Crm::RetailCrm
