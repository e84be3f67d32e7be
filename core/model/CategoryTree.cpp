// SPDX-License-Identifier: GPL-3.0-or-later
#include "CategoryTree.h"

#include <QJsonObject>
#include <QSet>

namespace Model {

CategoryTree::CategoryTree(const QList<Category> &categories)
{
    for (const Category &c : categories)
        add(c);
}

void CategoryTree::add(const Category &category)
{
    auto it = m_index.constFind(category.id);
    if (it != m_index.cend()) {
        m_categories[it.value()] = category;
        return;
    }
    m_index.insert(category.id, m_categories.size());
    m_categories.append(category);
}

const Category *CategoryTree::category(const QString &id) const
{
    auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_categories.at(it.value());
}

QString CategoryTree::name(const QString &id) const
{
    const Category *c = category(id);
    return c && !c->name.isEmpty() ? c->name : id;
}

QStringList CategoryTree::ancestry(const QString &id) const
{
    QStringList chain;
    QSet<QString> seen;
    QString current = id;
    while (!current.isEmpty() && current != QLatin1String("0") && !seen.contains(current)) {
        chain << current;
        seen.insert(current);
        const Category *c = category(current);
        if (!c)
            break;
        current = c->parentId;
    }
    return chain;
}

QJsonArray CategoryTree::toJson() const
{
    QJsonArray array;
    for (const Category &c : m_categories) {
        array.append(QJsonObject { { QStringLiteral("id"), c.id },
                                   { QStringLiteral("parent_id"), c.parentId },
                                   { QStringLiteral("name"), c.name } });
    }
    return array;
}

CategoryTree CategoryTree::fromJson(const QJsonArray &json)
{
    CategoryTree tree;
    for (const QJsonValue &v : json) {
        const QJsonObject o = v.toObject();
        tree.add({ o.value(QLatin1String("id")).toString(), o.value(QLatin1String("parent_id")).toString(),
                   o.value(QLatin1String("name")).toString() });
    }
    return tree;
}

} // namespace Model
