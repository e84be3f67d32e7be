// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmSchema.h"
#include "mapping/MappingSet.h"
#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QUndoStack;

namespace Gui {

class CodeMapEditor;
class FieldMapEditor;
class MappingPreview;
class RoutingView;
class StatusMapEditor;

/**
 * The Mapping page: the order and form field grids, the status map and (for CRMs that check them)
 * the delivery and payment code maps of one CRM connection, edited
 * as a copy with undo, validated on every change (broken rows red, with the reason), previewed live
 * on a recent order, and saved in one step (Mapping::MappingRepo::save). GUI thread; owned by the
 * main window.
 */
class MappingPage : public QWidget
{
    Q_OBJECT
public:
    explicit MappingPage(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);
    ~MappingPage() override;

    /** The mapping as edited (not yet saved). */
    Mapping::MappingSet editedMapping() const;
    QUndoStack *undoStack() const { return m_undo; }
    FieldMapEditor *orderEditor() const { return m_orders; }
    CodeMapEditor *codeEditor() const { return m_codes; }
    /** Whether the "Delivery & payment" tab is shown: the CRM checks those codes, or the mapping has some. */
    bool showsCodeMaps() const;

public Q_SLOTS:
    /** Loads the mapping of the selected connection, dropping unsaved edits. */
    void load();
    /** Saves the edited mapping; false (with the reason shown) when it has errors or the store refuses. */
    bool save();

private:
    void revalidate();
    bool isDirty() const;
    void setAutoCreate(bool on);
    void reloadConnections();

    std::shared_ptr<Storage::Database> m_db;
    QUndoStack *m_undo;
    QComboBox *m_connection;
    QTabWidget *m_tabs;
    FieldMapEditor *m_orders;
    FieldMapEditor *m_forms;
    StatusMapEditor *m_statuses;
    CodeMapEditor *m_codes;
    MappingPreview *m_preview;
    RoutingView *m_routing;
    QLabel *m_result;
    QPushButton *m_save;
    QPushButton *m_revert;
    Mapping::MappingSet m_loaded;
    Crm::CrmSchema m_schema;
    bool m_hasSchema = false;
    bool m_hasErrors = false;
    bool m_autoCreate = false; ///< the connection's consent to create missing fields, as edited
    bool m_loadedAutoCreate = false;
};

} // namespace Gui
