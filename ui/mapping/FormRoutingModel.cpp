// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormRoutingModel.h"

#include "SnapshotCommand.h"

#include <QColor>
#include <QFont>
#include <QUndoStack>

namespace Gui {

using Mapping::FormRoute;
using Mapping::FormRouting;

FormRoutingModel::FormRoutingModel(QUndoStack *undo, QObject *parent)
    : QAbstractTableModel(parent)
    , m_undo(undo)
{ }

QStringList FormRoutingModel::listedForms() const
{
    QStringList forms = m_known;
    for (const FormRoute &route : m_routing.forms) {
        if (!route.formName.isEmpty() && !forms.contains(route.formName))
            forms << route.formName;
    }
    forms.sort(Qt::CaseInsensitive);
    return forms;
}

void FormRoutingModel::setKnownForms(const QStringList &formNames)
{
    beginResetModel();
    m_known = formNames;
    m_known.removeDuplicates();
    m_forms = listedForms();
    endResetModel();
}

void FormRoutingModel::setRouting(const FormRouting &routing, const Crm::CrmSchema &schema)
{
    beginResetModel();
    m_routing = routing;
    m_schema = schema;
    m_forms = listedForms();
    endResetModel();
}

void FormRoutingModel::applyRouting(const FormRouting &routing)
{
    m_routing = routing;
    const QStringList forms = listedForms();
    if (forms != m_forms) {
        beginResetModel();
        m_forms = forms;
        endResetModel();
    } else if (!m_forms.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    Q_EMIT edited();
}

void FormRoutingModel::changeRouting(const FormRouting &after, const QString &text)
{
    m_undo->push(new SnapshotCommand<FormRouting>([this](const FormRouting &r) { applyRouting(r); },
                                                  m_routing, after, text));
}

void FormRoutingModel::setProblems(const QList<Mapping::Problem> &problems)
{
    QList<Mapping::Problem> mine;
    for (const Mapping::Problem &problem : problems) {
        if (problem.area == QLatin1String("form-routing") && !problem.rowId.isEmpty())
            mine << problem;
    }
    m_problems.set(mine);
    if (!m_forms.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString FormRoutingModel::pipelineText(const QString &pipelineId) const
{
    const Crm::Pipeline *pipeline = m_schema.pipeline(pipelineId);
    return pipeline ? pipeline->name : pipelineId;
}

QString FormRoutingModel::stageText(const QString &pipelineId, const QString &stageId) const
{
    const Crm::Pipeline *pipeline = m_schema.pipeline(pipelineId);
    if (stageId.isEmpty()) {
        // The deal's first working stage, as the draft builder picks it.
        const Crm::Stage *first = nullptr;
        if (pipeline) {
            for (const Crm::Stage &stage : pipeline->stages) {
                if (stage.kind == Crm::StageKind::Normal && (!first || stage.sort < first->sort))
                    first = &stage;
            }
        }
        return tr("first stage (%1)").arg(first ? first->name : QStringLiteral("—"));
    }
    const Crm::Stage *stage = pipeline ? pipeline->stage(stageId) : nullptr;
    return stage ? stage->name : stageId;
}

QString FormRoutingModel::userText(const QString &userId) const
{
    const Crm::CrmUser *user = m_schema.user(userId);
    return user ? user->name : userId;
}

int FormRoutingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_forms.size());
}

int FormRoutingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FormRoutingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString form = m_forms.at(index.row());
    const FormRoute *own = m_routing.routeFor(form);
    const int column = index.column();
    if (role == FormNameRole)
        return form;
    if (own && column != FormColumn) {
        if (const QVariant marked = m_problems.data(form, role); marked.isValid())
            return marked;
    }
    if (column == FormColumn) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return form;
        if (role == Qt::FontRole && own) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    const bool ownsPipeline = own && !own->pipelineId.isEmpty();
    const bool inherited
        = column == ResponsibleColumn ? !own || own->responsibleUserId.isEmpty() : !ownsPipeline;
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
    if (column == ResponsibleColumn) {
        if (!inherited)
            return userText(own->responsibleUserId);
        return m_routing.responsibleUserId.isEmpty()
            ? tr("not chosen")
            : tr("%1 · every form").arg(userText(m_routing.responsibleUserId));
    }
    QString pipelineId = ownsPipeline ? own->pipelineId : m_routing.pipelineId;
    const QString stageId = ownsPipeline ? own->stageId : m_routing.stageId;
    if (pipelineId.isEmpty() && m_schema.mainPipeline())
        pipelineId = m_schema.mainPipeline()->id;
    const QString value
        = column == PipelineColumn ? pipelineText(pipelineId) : stageText(pipelineId, stageId);
    return inherited ? tr("%1 · every form").arg(value) : value;
}

bool FormRoutingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.column() == FormColumn)
        return false;
    const QString form = m_forms.at(index.row());
    const QString v = value.toString();
    FormRouting after = m_routing;
    auto it = std::find_if(after.forms.begin(), after.forms.end(),
                           [&form](const FormRoute &r) { return r.formName == form; });
    auto ensureRoute = [&]() -> FormRoute & {
        if (it == after.forms.end()) {
            after.forms.append({ form, {}, {}, {} });
            it = after.forms.end() - 1;
        }
        return *it;
    };
    switch (index.column()) {
    case PipelineColumn:
        if (v.isEmpty()) {
            if (it == after.forms.end())
                return true;
            it->pipelineId.clear();
            it->stageId.clear();
        } else {
            FormRoute &route = ensureRoute();
            route.pipelineId = v;
            const Crm::Pipeline *pipeline = m_schema.pipeline(v);
            if (!pipeline || !pipeline->stage(route.stageId))
                route.stageId.clear();
        }
        break;
    case StageColumn:
        if (v.isEmpty()) {
            if (it != after.forms.end())
                it->stageId.clear();
        } else {
            // A stage travels with its pipeline: the pipeline shown becomes the form's own.
            FormRoute &route = ensureRoute();
            if (route.pipelineId.isEmpty()) {
                route.pipelineId = m_routing.pipelineId.isEmpty() && m_schema.mainPipeline()
                    ? m_schema.mainPipeline()->id
                    : m_routing.pipelineId;
            }
            route.stageId = v;
        }
        break;
    case ResponsibleColumn:
        if (v.isEmpty()) {
            if (it != after.forms.end())
                it->responsibleUserId.clear();
        } else {
            ensureRoute().responsibleUserId = v;
        }
        break;
    default:
        return false;
    }
    if (it != after.forms.end() && it->pipelineId.isEmpty() && it->responsibleUserId.isEmpty())
        after.forms.erase(it); // nothing of its own left: the form goes where every form goes
    if (!(after == m_routing))
        changeRouting(after, tr("Route requests from form %1").arg(form));
    return true;
}

Qt::ItemFlags FormRoutingModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != FormColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QList<Choice> FormRoutingModel::choices(const QModelIndex &index) const
{
    QList<Choice> list;
    if (!index.isValid())
        return list;
    const FormRoute *own = m_routing.routeFor(m_forms.at(index.row()));
    switch (index.column()) {
    case PipelineColumn:
        list.append({ tr("(as every form)"), QString() });
        for (const Crm::Pipeline &pipeline : m_schema.pipelines)
            list.append({ pipeline.name, pipeline.id });
        break;
    case StageColumn: {
        list.append({ tr("(the pipeline's first stage)"), QString() });
        QString pipelineId = own && !own->pipelineId.isEmpty() ? own->pipelineId : m_routing.pipelineId;
        if (pipelineId.isEmpty() && m_schema.mainPipeline())
            pipelineId = m_schema.mainPipeline()->id;
        if (const Crm::Pipeline *pipeline = m_schema.pipeline(pipelineId)) {
            for (const Crm::Stage &stage : pipeline->stages)
                list.append({ stage.name, stage.id });
        }
        break;
    }
    case ResponsibleColumn:
        list.append({ tr("(as every form)"), QString() });
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

QVariant FormRoutingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FormColumn:
        return tr("Web form");
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
