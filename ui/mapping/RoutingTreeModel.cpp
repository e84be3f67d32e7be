// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoutingTreeModel.h"

#include "SnapshotCommand.h"

#include <QColor>
#include <QFont>
#include <QUndoStack>

namespace Gui {

using Mapping::CategoryRouting;
using Mapping::RouteRule;

RoutingTreeModel::RoutingTreeModel(QUndoStack *undo, QObject *parent)
    : QAbstractItemModel(parent)
    , m_undo(undo)
{ }

void RoutingTreeModel::setTree(const Model::CategoryTree &tree)
{
    beginResetModel();
    m_tree = tree;
    rebuild();
    endResetModel();
}

void RoutingTreeModel::setRouting(const CategoryRouting &routing, const Crm::CrmSchema &schema)
{
    beginResetModel();
    m_routing = routing;
    m_schema = schema;
    rebuild();
    endResetModel();
}

void RoutingTreeModel::applyRouting(const CategoryRouting &routing)
{
    const QStringList before = unknownCategories();
    m_routing = routing;
    if (unknownCategories() != before) {
        beginResetModel();
        rebuild();
        endResetModel();
    } else {
        refreshAll(); // every row's inherited values may change
    }
    Q_EMIT edited();
}

void RoutingTreeModel::changeRouting(const CategoryRouting &after, const QString &text)
{
    m_undo->push(new SnapshotCommand<CategoryRouting>([this](const CategoryRouting &r) { applyRouting(r); },
                                                      m_routing, after, text));
}

void RoutingTreeModel::setProblems(const QList<Mapping::Problem> &problems)
{
    m_problems.set(problems);
    refreshAll();
}

void RoutingTreeModel::setHighlighted(const QStringList &categoryIds)
{
    m_highlighted = QSet<QString>(categoryIds.cbegin(), categoryIds.cend());
    refreshAll();
}

void RoutingTreeModel::refreshAll()
{
    if (!m_roots.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_roots.size()) - 1, ColumnCount - 1));
    for (const Node &node : std::as_const(m_nodes)) {
        if (!node.children.isEmpty()) {
            const QModelIndex parent = indexOf(node.categoryId);
            Q_EMIT dataChanged(index(0, 0, parent),
                               index(int(node.children.size()) - 1, ColumnCount - 1, parent));
        }
    }
}

QStringList RoutingTreeModel::unknownCategories() const
{
    QStringList unknown;
    for (const RouteRule &rule : m_routing.rules) {
        if (!rule.categoryId.isEmpty() && !m_tree.contains(rule.categoryId)
            && !unknown.contains(rule.categoryId))
            unknown << rule.categoryId;
    }
    return unknown;
}

void RoutingTreeModel::rebuild()
{
    m_nodes.clear();
    m_roots.clear();
    m_nodeOfCategory.clear();
    for (const Model::Category &category : m_tree.categories()) {
        m_nodeOfCategory.insert(category.id, int(m_nodes.size()));
        m_nodes.append({ category.id, -1, 0, {} });
    }
    for (const QString &id : unknownCategories()) {
        m_nodeOfCategory.insert(id, int(m_nodes.size()));
        m_nodes.append({ id, -1, 0, {} });
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        const Model::Category *category = m_tree.category(m_nodes.at(i).categoryId);
        const int parent = category ? m_nodeOfCategory.value(category->parentId, -1) : -1;
        Node &node = m_nodes[i];
        node.parent = parent == i ? -1 : parent;
        QList<int> &siblings = node.parent < 0 ? m_roots : m_nodes[node.parent].children;
        node.row = int(siblings.size());
        siblings.append(i);
    }
}

const RouteRule *RoutingTreeModel::ruleOf(const QString &categoryId) const
{
    for (const RouteRule &rule : m_routing.rules) {
        if (rule.categoryId == categoryId)
            return &rule;
    }
    return nullptr;
}

RoutingTreeModel::ValueOrigin RoutingTreeModel::sourceOf(const QString &categoryId, int column) const
{
    for (const QString &ancestor : m_tree.ancestry(categoryId)) {
        const RouteRule *rule = ruleOf(ancestor);
        if (!rule || !rule->active)
            continue;
        const bool sets
            = column == ResponsibleColumn ? !rule->responsibleUserId.isEmpty() : !rule->pipelineId.isEmpty();
        if (sets)
            return { rule, ancestor };
    }
    return {};
}

QString RoutingTreeModel::valueText(const RouteRule &rule, int column) const
{
    switch (column) {
    case PipelineColumn: {
        const Crm::Pipeline *pipeline = m_schema.pipeline(rule.pipelineId);
        return pipeline ? pipeline->name : rule.pipelineId;
    }
    case StageColumn: {
        const Crm::Pipeline *pipeline = m_schema.pipeline(rule.pipelineId);
        if (rule.stageId.isEmpty()) {
            // The deal's first working stage, as the draft builder picks it (not "unsorted").
            const Crm::Stage *first = nullptr;
            if (pipeline) {
                for (const Crm::Stage &stage : pipeline->stages) {
                    if (stage.kind == Crm::StageKind::Normal && (!first || stage.sort < first->sort))
                        first = &stage;
                }
            }
            return tr("first stage (%1)").arg(first ? first->name : QStringLiteral("—"));
        }
        const Crm::Stage *stage = pipeline ? pipeline->stage(rule.stageId) : nullptr;
        return stage ? stage->name : rule.stageId;
    }
    case ResponsibleColumn: {
        const Crm::CrmUser *user = m_schema.user(rule.responsibleUserId);
        return user ? user->name : rule.responsibleUserId;
    }
    default:
        return {};
    }
}

int RoutingTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex RoutingTreeModel::indexOf(const QString &categoryId, int column) const
{
    const int node = m_nodeOfCategory.value(categoryId, -1);
    return node < 0 ? QModelIndex() : createIndex(m_nodes.at(node).row, column, quintptr(node));
}

QModelIndex RoutingTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<int> &siblings = parent.isValid() ? m_nodes.at(nodeOf(parent)).children : m_roots;
    if (row >= siblings.size() || (parent.isValid() && parent.column() != 0))
        return {};
    return createIndex(row, column, quintptr(siblings.at(row)));
}

QModelIndex RoutingTreeModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    if (node < 0)
        return {};
    const int parent = m_nodes.at(node).parent;
    return parent < 0 ? QModelIndex() : createIndex(m_nodes.at(parent).row, 0, quintptr(parent));
}

int RoutingTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    return parent.column() == 0 ? int(m_nodes.at(nodeOf(parent)).children.size()) : 0;
}

int RoutingTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RoutingTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QString id = m_nodes.at(nodeOf(index)).categoryId;
    const RouteRule *own = ruleOf(id);
    const int column = index.column();
    if (role == CategoryIdRole)
        return id;
    if (role == HighlightedRole)
        return m_highlighted.contains(id);
    if (own && column != CategoryColumn) {
        if (const QVariant marked = m_problems.data(own->id, role); marked.isValid())
            return marked;
    }
    if (role == Qt::BackgroundRole && m_highlighted.contains(id))
        return QColor(QStringLiteral("#fff3b0"));
    if (column == CategoryColumn) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            QString name
                = m_tree.contains(id) ? m_tree.name(id) : tr("Category %1 (not in the shop)").arg(id);
            if (own && !own->active)
                name = tr("%1 (its rule is switched off)").arg(name);
            return name;
        }
        if (role == Qt::FontRole && own && own->active) {
            QFont font;
            font.setBold(true);
            return font;
        }
        // A category with a rule has the rule's switch: off keeps the rule without applying it.
        if (role == Qt::CheckStateRole && own)
            return own->active ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    const ValueOrigin source = sourceOf(id, column);
    const bool inherited = source.categoryId != id;
    if (role == InheritedRole)
        return inherited;
    if (role == Qt::EditRole) {
        if (!own)
            return QString();
        return column == PipelineColumn ? own->pipelineId
            : column == StageColumn     ? own->stageId
                                        : own->responsibleUserId;
    }
    if (role == Qt::ForegroundRole && inherited)
        return QColor(Qt::gray);
    if (role == Qt::FontRole && inherited) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (!source.rule) {
        // What the default route gives, as the lanes apply it.
        const Crm::CrmUser *user = m_schema.user(m_routing.defaultResponsibleUserId);
        const Crm::Pipeline *pipeline = m_schema.pipeline(m_routing.defaultPipelineId);
        if (!pipeline)
            pipeline = m_schema.mainPipeline();
        RouteRule fallback;
        fallback.pipelineId = pipeline ? pipeline->id : QString();
        fallback.stageId = m_routing.defaultPipelineId.isEmpty() ? QString() : m_routing.defaultStageId;
        if (column == ResponsibleColumn)
            return user ? tr("%1 · default").arg(user->name) : tr("from the order");
        return pipeline ? tr("%1 · default").arg(valueText(fallback, column)) : tr("default route");
    }
    const QString value = valueText(*source.rule, column);
    return inherited ? tr("%1 · from «%2»").arg(value, m_tree.name(source.categoryId)) : value;
}

bool RoutingTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString id = m_nodes.at(nodeOf(index)).categoryId;
    if (role == Qt::CheckStateRole && index.column() == CategoryColumn)
        return switchRule(id, value.toInt() == Qt::Checked);
    if (role != Qt::EditRole || index.column() == CategoryColumn)
        return false;
    const QString v = value.toString();
    CategoryRouting after = m_routing;
    auto it = std::find_if(after.rules.begin(), after.rules.end(),
                           [&id](const RouteRule &r) { return r.categoryId == id; });
    auto ensureRule = [&]() -> RouteRule & {
        if (it != after.rules.end()) {
            it->active = true; // a value set on a switched-off rule means it is wanted again
            return *it;
        }
        int n = int(after.rules.size()) + 1;
        while (std::any_of(after.rules.cbegin(), after.rules.cend(),
                           [n](const RouteRule &r) { return r.id == QStringLiteral("r%1").arg(n); }))
            ++n;
        after.rules.append({ QStringLiteral("r%1").arg(n), id, {}, {}, {}, true });
        it = after.rules.end() - 1;
        return *it;
    };
    switch (index.column()) {
    case PipelineColumn:
        if (v.isEmpty()) {
            if (it == after.rules.end())
                return true;
            it->pipelineId.clear();
            it->stageId.clear();
        } else {
            RouteRule &rule = ensureRule();
            rule.pipelineId = v;
            const Crm::Pipeline *pipeline = m_schema.pipeline(v);
            if (!pipeline || !pipeline->stage(rule.stageId))
                rule.stageId.clear();
        }
        break;
    case StageColumn:
        if (v.isEmpty()) {
            if (it != after.rules.end())
                it->stageId.clear();
        } else {
            // A stage travels with its pipeline: an inherited pipeline becomes the node's own.
            const ValueOrigin pipeline = sourceOf(id, PipelineColumn);
            RouteRule &rule = ensureRule();
            if (rule.pipelineId.isEmpty() && pipeline.rule)
                rule.pipelineId = pipeline.rule->pipelineId;
            rule.stageId = v;
        }
        break;
    case ResponsibleColumn:
        if (v.isEmpty()) {
            if (it != after.rules.end())
                it->responsibleUserId.clear();
        } else {
            ensureRule().responsibleUserId = v;
        }
        break;
    default:
        return false;
    }
    if (it != after.rules.end() && it->pipelineId.isEmpty() && it->responsibleUserId.isEmpty())
        after.rules.erase(it); // nothing of its own left: the node inherits everything
    if (!(after == m_routing))
        changeRouting(after, tr("Route category %1").arg(m_tree.name(id)));
    return true;
}

bool RoutingTreeModel::switchRule(const QString &categoryId, bool on)
{
    CategoryRouting after = m_routing;
    auto it = std::find_if(after.rules.begin(), after.rules.end(),
                           [&categoryId](const RouteRule &r) { return r.categoryId == categoryId; });
    if (it == after.rules.end())
        return false;
    if (it->active == on)
        return true;
    it->active = on;
    const QString name = m_tree.contains(categoryId) ? m_tree.name(categoryId) : categoryId;
    changeRouting(after,
                  on ? tr("Switch on the rule of %1").arg(name) : tr("Switch off the rule of %1").arg(name));
    return true;
}

Qt::ItemFlags RoutingTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    if (index.isValid() && index.column() != CategoryColumn)
        flags |= Qt::ItemIsEditable;
    if (index.isValid() && index.column() == CategoryColumn && ruleOf(m_nodes.at(nodeOf(index)).categoryId))
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QList<Choice> RoutingTreeModel::choices(const QModelIndex &index) const
{
    QList<Choice> list;
    if (!index.isValid())
        return list;
    const QString id = m_nodes.at(nodeOf(index)).categoryId;
    switch (index.column()) {
    case PipelineColumn:
        list.append({ tr("(as above)"), QString() });
        for (const Crm::Pipeline &pipeline : m_schema.pipelines)
            list.append({ pipeline.name, pipeline.id });
        break;
    case StageColumn: {
        list.append({ tr("(the pipeline's first stage)"), QString() });
        const ValueOrigin source = sourceOf(id, PipelineColumn);
        const QString pipelineId = source.rule ? source.rule->pipelineId : m_routing.defaultPipelineId;
        if (const Crm::Pipeline *pipeline = m_schema.pipeline(pipelineId)) {
            for (const Crm::Stage &stage : pipeline->stages)
                list.append({ stage.name, stage.id });
        }
        break;
    }
    case ResponsibleColumn:
        list.append({ tr("(as above)"), QString() });
        for (const Crm::CrmUser &user : m_schema.users) {
            if (user.active)
                list.append({ user.name, user.id });
        }
        break;
    default:
        break;
    }
    return list;
}

QVariant RoutingTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case CategoryColumn:
        return tr("Shop category");
    case PipelineColumn:
        return tr("Pipeline");
    case StageColumn:
        return tr("Stage");
    case ResponsibleColumn:
        return tr("Responsible");
    default:
        return {};
    }
}

} // namespace Gui
