// SPDX-License-Identifier: GPL-3.0-or-later
#include "Catalog.h"

#include <QHash>

namespace Model {

QString Catalog::categoryPath(const QString &categoryId) const
{
    QHash<QString, const CatalogCategory *> byId;
    for (const CatalogCategory &c : categories)
        byId.insert(c.id, &c);
    QStringList names;
    QString id = categoryId;
    // Bounded by the number of categories, so a loop in a broken tree ends.
    for (qsizetype guard = 0; guard <= categories.size() && byId.contains(id); ++guard) {
        const CatalogCategory *c = byId.value(id);
        names.prepend(c->name);
        id = c->parentId;
    }
    return names.join(QStringLiteral(" / "));
}

} // namespace Model
