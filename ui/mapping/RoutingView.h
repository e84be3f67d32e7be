// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmSchema.h"
#include "mapping/MappingSet.h"
#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTreeView;
class QUndoStack;

namespace Gui {

class FormRoutingModel;
class RouteFields;
class RoutingTreeModel;

/**
 * The routing editor: the shop's category tree (as the store last read it) where any node sets a
 * pipeline, stage and responsible user for the products in it and below it (RoutingTreeModel);
 * the default route; the web forms by name, each routed as a category is (FormRoutingModel), and the
 * route of every other form; whether the category beats the order's own pipeline and
 * whether the order's own pipeline is read at all; and "Which rule matches?" for an order in the
 * queue, which walks the tree with parents and highlights the path. Edits are undoable. GUI thread;
 * owned by the Mapping page.
 */
class RoutingView : public QWidget
{
    Q_OBJECT
public:
    RoutingView(std::shared_ptr<Storage::Database> db, QUndoStack *undo, QWidget *parent = nullptr);

    /** Loads the connection's routing and the shop's category tree (drops unsaved edits). */
    void load(const Mapping::MappingSet &set, const Crm::CrmSchema &schema);
    Mapping::CategoryRouting routing() const;
    Mapping::FormRouting formRouting() const;
    void setProblems(const QList<Mapping::Problem> &problems);
    RoutingTreeModel *model() const { return m_model; }
    FormRoutingModel *formModel() const { return m_formModel; }
    QTreeView *tree() const { return m_tree; }
    /** Whether routing means anything for this account: it has more than one pipeline to route to (a
     *  RetailCRM account has one order flow), or the mapping already has rules. */
    static bool appliesTo(const Crm::CrmSchema &schema, const Mapping::MappingSet &set)
    {
        return schema.pipelines.size() > 1 || !set.routing.rules.isEmpty();
    }
    /** The shop's category tree as the store last read it (every source's, merged). */
    static Model::CategoryTree cachedTree(const std::shared_ptr<Storage::Database> &db);
    /** The web forms the store knows by name: those the intake accepts and those recent requests came
     *  from. */
    static QStringList knownForms(const std::shared_ptr<Storage::Database> &db);
    /** Answers for an order number (or says it is not in the queue) and highlights the path. */
    QString explain(const QString &orderNumber);

Q_SIGNALS:
    void edited();

private:
    void showSettings();
    void editSettings();

    std::shared_ptr<Storage::Database> m_db;
    QUndoStack *m_undo;
    Crm::CrmSchema m_schema;
    RoutingTreeModel *m_model;
    FormRoutingModel *m_formModel;
    QTreeView *m_tree;
    QTableView *m_formTable;
    QLabel *m_formNote;
    QLabel *m_treeNote;
    QLabel *m_summary;
    RouteFields *m_default;
    RouteFields *m_forms;
    QCheckBox *m_categoryWins;
    QCheckBox *m_orderProperties;
    QLineEdit *m_order;
    QLabel *m_answer;
};

} // namespace Gui
