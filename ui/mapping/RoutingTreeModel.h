// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChoiceDelegate.h"
#include "RowProblems.h"
#include "crm/CrmSchema.h"
#include "mapping/CategoryRouting.h"
#include "model/CategoryTree.h"

#include <QAbstractItemModel>
#include <QSet>

class QUndoStack;

namespace Gui {

/**
 * The shop's category tree with the routing of each node: pipeline, stage and responsible user,
 * editable on any node (an edit makes or changes that category's rule; "as above" removes the
 * value); a category's rule is switched off and on by the check box before its name. What a node does not set
 * itself is shown greyed with where it comes from ("from «Обувь»"), as CategoryRouting::route() inherits it.
 * Categories that rules name but the shop's tree lacks are listed at the top level. Edits are undoable. GUI
 * thread; owned by the routing view.
 */
class RoutingTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { CategoryColumn, PipelineColumn, StageColumn, ResponsibleColumn, ColumnCount };
    enum Role {
        CategoryIdRole = Qt::UserRole + 1,
        InheritedRole, ///< the value comes from a category above (or is the default)
        HighlightedRole ///< on the path "Which rule matches?" walked
    };

    RoutingTreeModel(QUndoStack *undo, QObject *parent = nullptr);

    void setTree(const Model::CategoryTree &tree);
    const Model::CategoryTree &tree() const { return m_tree; }
    void setRouting(const Mapping::CategoryRouting &routing, const Crm::CrmSchema &schema);
    /** Puts routing back without the undo stack (the undo commands call it). */
    void applyRouting(const Mapping::CategoryRouting &routing);
    const Mapping::CategoryRouting &routing() const { return m_routing; }
    void changeRouting(const Mapping::CategoryRouting &after, const QString &text);
    void setProblems(const QList<Mapping::Problem> &problems);
    /** Marks these categories (a product's category up to the rule that routed it). */
    void setHighlighted(const QStringList &categoryIds);
    QModelIndex indexOf(const QString &categoryId, int column = CategoryColumn) const;
    QList<Choice> choices(const QModelIndex &index) const;
    /** Switches the rule of @p categoryId on or off (undoable); false when it has none. The tree's
     *  category column shows the switch as a check box on every category with a rule. */
    bool switchRule(const QString &categoryId, bool on);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void edited();

private:
    struct Node
    {
        QString categoryId;
        int parent = -1;
        int row = 0;
        QList<int> children;
    };
    /** Where a column's value of a category comes from: the rule and its category, if any. */
    struct ValueOrigin
    {
        const Mapping::RouteRule *rule = nullptr;
        QString categoryId;
    };
    void rebuild();
    /** Every row's data may have changed (inherited values, highlights, problems): says so. */
    void refreshAll();
    QStringList unknownCategories() const;
    const Mapping::RouteRule *ruleOf(const QString &categoryId) const;
    ValueOrigin sourceOf(const QString &categoryId, int column) const;
    QString valueText(const Mapping::RouteRule &rule, int column) const;
    int nodeOf(const QModelIndex &index) const;

    QUndoStack *m_undo;
    Model::CategoryTree m_tree;
    Mapping::CategoryRouting m_routing;
    Crm::CrmSchema m_schema;
    RowProblems m_problems;
    QList<Node> m_nodes;
    QList<int> m_roots;
    QHash<QString, int> m_nodeOfCategory;
    QSet<QString> m_highlighted;
};

} // namespace Gui
