// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladCatalogReader.h"

#include "MoySkladClient.h"

#include <QJsonArray>
#include <QJsonObject>

using Common::Result;

namespace Source::MoySklad {

namespace {

/** The id at the end of a link's href ("…/entity/productfolder/<id>"), or empty. */
QString linkedId(const QJsonObject &object, const char *field)
{
    const QString href
        = object.value(QLatin1String(field)).toObject().value("meta").toObject().value("href").toString();
    return href.isEmpty() ? QString() : href.section(QLatin1Char('/'), -1);
}

/** Every row of @p path, page after page (nextHref). */
Result<QJsonArray> everyPage(MoySkladClient &client, const QString &path)
{
    QJsonArray rows;
    QString next = path;
    while (!next.isEmpty()) {
        auto page = client.get(next);
        if (!page)
            return page.error();
        for (const QJsonValue &row : page->value("rows").toArray())
            rows.append(row);
        next = page->value("meta").toObject().value("nextHref").toString();
    }
    return rows;
}

} // namespace

QString MoySkladCatalogReader::everyRowOf(const QString &type)
{
    // "archived=true;archived=false": both (the reference, filters), encoded for the query string.
    return QStringLiteral("/entity/%1?limit=1000&filter=archived%3Dtrue%3Barchived%3Dfalse").arg(type);
}

Result<Model::Catalog> MoySkladCatalogReader::read()
{
    Model::Catalog catalog;
    auto folders = everyPage(m_client, everyRowOf(QStringLiteral("productfolder")));
    if (!folders)
        return folders.error();
    for (const QJsonValue &value : folders.value()) {
        const QJsonObject folder = value.toObject();
        catalog.categories << Model::CatalogCategory { folder.value("id").toString(),
                                                       linkedId(folder, "productFolder"),
                                                       folder.value("name").toString() };
    }
    auto products = everyPage(m_client, everyRowOf(QStringLiteral("product")));
    if (!products)
        return products.error();
    for (const QJsonValue &value : products.value()) {
        const QJsonObject row = value.toObject();
        Model::CatalogProduct product;
        product.id = row.value("id").toString();
        product.name = row.value("name").toString();
        product.article = row.value("article").toString();
        product.description = row.value("description").toString();
        product.price
            = row.value("salePrices").toArray().first().toObject().value("value").toDouble() / 100.0;
        product.weight = row.value("weight").toDouble();
        if (const QString folder = linkedId(row, "productFolder"); !folder.isEmpty())
            product.categoryIds << folder;
        product.active = !row.value("archived").toBool();
        catalog.products << product;
    }
    return catalog;
}

} // namespace Source::MoySklad
