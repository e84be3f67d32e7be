// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Model {

/** One shop category: a node of the catalog tree (miniShop2: an msCategory resource). */
struct Category
{
    QString id;
    QString parentId; ///< empty or "0" for a root
    QString name;
    bool operator==(const Category &) const = default;
};

/**
 * The shop's category tree as a source read it, for category → pipeline routing. Value type;
 * lookups are by id. A broken tree (a cycle, a missing parent) ends the walk instead of looping.
 */
class CategoryTree
{
public:
    CategoryTree() = default;
    explicit CategoryTree(const QList<Category> &categories);

    void add(const Category &category);
    bool contains(const QString &id) const { return m_index.contains(id); }
    const Category *category(const QString &id) const;
    QString name(const QString &id) const; ///< the name, or the id when unknown
    /** id, its parent, its grandparent … up to the root. An unknown id gives {id}. */
    QStringList ancestry(const QString &id) const;
    const QList<Category> &categories() const { return m_categories; }

    QJsonArray toJson() const;
    static CategoryTree fromJson(const QJsonArray &json);

private:
    QList<Category> m_categories;
    QHash<QString, qsizetype> m_index;
};

} // namespace Model
